import { parseQuery } from '../../../shared/text/parse-query.js';
import { setEntry } from '../../../shared/text/set-entry.js';
import type { ApiDefinition } from '../contract.js';

/**
 * `parseUrl(url)` → `{href, origin, protocol, username, password, host, hostname, port,
 * pathname, search, searchParams, hash}`, or undefined for anything that is not an absolute
 * URL (a relative path included). `searchParams` maps each decoded key to its value, or to an
 * array of values when the key repeats.
 */
export const parseUrlApi: ApiDefinition = {
  name: 'parseUrl',
  contexts: ['web', 'server'],
  create: () => (url) => {
    if (typeof url !== 'string') return undefined;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    return {
      href: parsed.href,
      origin: parsed.origin,
      protocol: parsed.protocol,
      username: parsed.username,
      password: parsed.password,
      host: parsed.host,
      hostname: parsed.hostname,
      port: parsed.port,
      pathname: parsed.pathname,
      search: parsed.search,
      searchParams: groupQuery(parsed.search.slice(1)),
      hash: parsed.hash,
    };
  },
};

/** Query pairs grouped by key: one value as a string, repeated values as an array. */
export function groupQuery(query: string): Record<string, string | string[]> {
  const grouped: Record<string, string | string[]> = {};
  for (const pair of parseQuery(query)) {
    const existing = Object.hasOwn(grouped, pair.key) ? grouped[pair.key] : undefined;
    if (existing === undefined) setEntry(grouped, pair.key, pair.value);
    else
      setEntry(
        grouped,
        pair.key,
        Array.isArray(existing) ? [...existing, pair.value] : [existing, pair.value],
      );
  }
  return grouped;
}
