import { parseQuery } from '../../../shared/text/parse-query.js';
import type { ApiDefinition, ApiEnvironment } from '../contract.js';
import { webWorldOf } from './world-of.js';

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

/**
 * One component of a URL as `getUrl`/`getReferrerUrl` return it: protocol without `:`, host
 * name, port (the scheme's default when none is written), path, extension (of the last path
 * segment, without the dot), fragment without `#`, query without `?`. Anything else, or no
 * component, gives the whole URL. A URL that does not parse gives '' for every component.
 */
export function urlComponent(url: string, component: unknown): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined)
    return typeof component === 'string' && COMPONENTS.has(component) ? '' : url;
  switch (component) {
    case 'protocol':
      return parsed.protocol.replace(/:$/, '');
    case 'host':
      return parsed.hostname;
    case 'port':
      return parsed.port || (DEFAULT_PORTS[parsed.protocol] ?? '');
    case 'path':
      return parsed.pathname;
    case 'extension':
      return extensionOf(parsed.pathname);
    case 'fragment':
      return parsed.hash.replace(/^#/, '');
    case 'query':
      return parsed.search.replace(/^\?/, '');
    default:
      return url;
  }
}

const COMPONENTS = new Set(['protocol', 'host', 'port', 'path', 'extension', 'fragment', 'query']);

function extensionOf(path: string): string {
  const lastSegment = path.split('/').pop() ?? '';
  const dotAt = lastSegment.lastIndexOf('.');
  return dotAt === -1 ? '' : lastSegment.slice(dotAt + 1);
}

/** The decoded values of one query key of a URL: the first, or all when `retrieveAll`. */
export function queryValues(
  url: string,
  key: unknown,
  retrieveAll: unknown,
): string | string[] | undefined {
  if (typeof key !== 'string') return undefined;
  const values = parseQuery(urlComponent(url, 'query'))
    .filter((pair) => pair.key === key)
    .map((pair) => pair.value);
  if (retrieveAll === true) return values.length > 0 ? values : undefined;
  return values[0];
}

function urlApis(
  permission: 'get_url' | 'get_referrer',
  names: { url: string; query: string },
  readUrl: (environment: ApiEnvironment) => string,
): ApiDefinition[] {
  return [
    {
      name: names.url,
      contexts: ['web'],
      create: (environment) => (component) => {
        environment.permissions.assert(names.url, permission, component);
        const isReferrerFragment = permission === 'get_referrer' && component === 'fragment';
        return urlComponent(readUrl(environment), isReferrerFragment ? undefined : component);
      },
    },
    {
      name: names.query,
      contexts: ['web'],
      create: (environment) => (queryKey, retrieveAll) => {
        environment.permissions.assert(names.query, permission, 'query', queryKey);
        return queryValues(readUrl(environment), queryKey, retrieveAll);
      },
    },
  ];
}

/** `getUrl(component?)` and `getQueryParameters(queryKey, retrieveAll = false)` over the page URL (get_url). */
export const [getUrlApi, getQueryParametersApi] = urlApis(
  'get_url',
  { url: 'getUrl', query: 'getQueryParameters' },
  (environment) => webWorldOf(environment).url,
) as [ApiDefinition, ApiDefinition];

/** `getReferrerUrl(component?)` and `getReferrerQueryParameters(queryKey, retrieveAll)` (get_referrer; no fragment). */
export const [getReferrerUrlApi, getReferrerQueryParametersApi] = urlApis(
  'get_referrer',
  { url: 'getReferrerUrl', query: 'getReferrerQueryParameters' },
  (environment) => webWorldOf(environment).referrer,
) as [ApiDefinition, ApiDefinition];
