import type { PermissionParams } from './permission-params.js';
import {
  describeArgument,
  textArgument,
  type Denial,
  type PermissionRule,
} from './permission-rule.js';

const URL_COMPONENTS = ['protocol', 'host', 'port', 'path', 'extension', 'fragment', 'query'];
const REFERRER_COMPONENTS = URL_COMPONENTS.filter((component) => component !== 'fragment');

/**
 * get_url: `urlParts` any|specific with one boolean per component, `queriesAllowed`
 * any|specific with `queryKeys` (reference notes §1.5); query `(component?, queryKey?)`.
 * No component (or one GTM does not name) asks for the whole URL.
 */
export const getUrlRule: PermissionRule = {
  id: 'get_url',
  contexts: ['web'],
  check: (params, args) => checkUrlComponent(params, args, URL_COMPONENTS, 'the page URL'),
};

/** get_referrer: as get_url, without the fragment. */
export const getReferrerRule: PermissionRule = {
  id: 'get_referrer',
  contexts: ['web'],
  check: (params, args) => checkUrlComponent(params, args, REFERRER_COMPONENTS, 'the referrer URL'),
};

function checkUrlComponent(
  params: PermissionParams,
  args: unknown[],
  components: string[],
  noun: string,
): Denial | undefined {
  const component = textArgument(args, 0);
  const queryKey = args[1];
  const isWholeUrl = !components.includes(component);
  if (isWholeUrl) return checkWholeUrl(params, components, noun);
  if (!componentAllowed(params, component)) {
    return {
      subject: `reading the ${component} of ${noun}`,
      fix: `allow the ${component} component`,
    };
  }
  if (component !== 'query' || params.text('queriesAllowed') !== 'specific') return undefined;
  if (typeof queryKey === 'string' && params.strings('queryKeys').includes(queryKey))
    return undefined;
  const what =
    typeof queryKey === 'string'
      ? `the query key ${describeArgument(queryKey)}`
      : 'every query key';
  return { subject: `reading ${what} of ${noun}`, fix: 'add the key to its allowed query keys' };
}

function checkWholeUrl(
  params: PermissionParams,
  components: string[],
  noun: string,
): Denial | undefined {
  const hasEveryPart = components.every((component) => componentAllowed(params, component));
  if (hasEveryPart && params.text('queriesAllowed') !== 'specific') return undefined;
  return { subject: `reading the whole of ${noun}`, fix: 'allow any URL part and any query key' };
}

// Entries exported before `urlParts` existed carry only the component booleans.
function componentAllowed(params: PermissionParams, component: string): boolean {
  return params.text('urlParts') === 'any' || params.flag(component);
}
