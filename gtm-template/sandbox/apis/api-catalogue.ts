import type { ContainerContext } from '../contract.js';

/** One name `require()` accepts: where it exists and which permission ids it needs. */
export interface ApiCatalogueEntry {
  name: string;
  contexts: ContainerContext[];
  /** Permission ids (`___WEB_PERMISSIONS___` / `___SERVER_PERMISSIONS___` publicIds); empty when pure. */
  permissions: string[];
  /** For APIs that are objects (JSON, Math, Firestore…): the member functions. */
  members?: string[];
}

const web: ContainerContext[] = ['web'];
const server: ContainerContext[] = ['server'];
const both: ContainerContext[] = ['web', 'server'];

function entry(
  name: string,
  contexts: ContainerContext[],
  permissions: string[] = [],
  members?: string[],
): ApiCatalogueEntry {
  return members === undefined
    ? { name, contexts, permissions }
    : { name, contexts, permissions, members };
}

// Names, contexts and permissions from the reference notes §3.1 (web: 50 names + require) and
// §3.2 (server: 65 names + queryPermission + require); permission ids from §1.5.
const sharedApis: ApiCatalogueEntry[] = [
  entry('addEventCallback', both, ['read_event_metadata']),
  entry('callLater', both),
  entry('decodeUri', both),
  entry('decodeUriComponent', both),
  entry('encodeUri', both),
  entry('encodeUriComponent', both),
  entry('fromBase64', both),
  entry('toBase64', both),
  entry('generateRandom', both),
  entry('getContainerVersion', both, ['read_container_data']),
  entry('getCookieValues', both, ['get_cookies']),
  entry('getTimestamp', both),
  entry('getTimestampMillis', both),
  entry('getType', both),
  entry('JSON', both, [], ['parse', 'stringify']),
  entry('logToConsole', both, ['logging']),
  entry('makeInteger', both),
  entry('makeNumber', both),
  entry('makeString', both),
  entry('makeTableMap', both),
  entry('Math', both, [], ['abs', 'ceil', 'floor', 'round', 'max', 'min', 'pow', 'sqrt']),
  entry('Object', both, [], ['keys', 'values', 'entries', 'freeze', 'delete']),
  entry('parseUrl', both),
  entry('queryPermission', both),
  entry('require', both),
  entry('setCookie', both, ['set_cookies']),
  entry('sha256', both),
];

const webApis: ApiCatalogueEntry[] = [
  entry('addConsentListener', web, ['access_consent']),
  entry('aliasInWindow', web, ['access_globals']),
  entry('callInWindow', web, ['access_globals']),
  entry('copyFromDataLayer', web, ['read_data_layer']),
  entry('copyFromWindow', web, ['access_globals']),
  entry('createArgumentsQueue', web, ['access_globals']),
  entry('createQueue', web, ['access_globals']),
  entry('getQueryParameters', web, ['get_url']),
  entry('getReferrerQueryParameters', web, ['get_referrer']),
  entry('getReferrerUrl', web, ['get_referrer']),
  entry('getUrl', web, ['get_url']),
  entry('gtagSet', web, ['write_data_layer']),
  entry('injectHiddenIframe', web, ['inject_hidden_iframe']),
  entry('injectScript', web, ['inject_script']),
  entry('isConsentGranted', web, ['access_consent']),
  entry('localStorage', web, ['access_local_storage'], ['getItem', 'setItem', 'removeItem']),
  entry('readAnalyticsStorage', web, ['get_cookies']),
  entry('readCharacterSet', web, ['read_character_set']),
  entry('readTitle', web, ['read_title']),
  entry('sendPixel', web, ['send_pixel']),
  entry('setDefaultConsentState', web, ['access_consent']),
  entry('setInWindow', web, ['access_globals']),
  entry(
    'templateStorage',
    web,
    ['access_template_storage'],
    ['getItem', 'setItem', 'removeItem', 'clear'],
  ),
  entry('updateConsentState', web, ['access_consent']),
];

const requestAccessors = [
  'getRemoteAddress',
  'getRequestBody',
  'getRequestHeader',
  'getRequestMethod',
  'getRequestPath',
  'getRequestQueryParameter',
  'getRequestQueryParameters',
  'getRequestQueryString',
  'extractEventsFromMpv1',
  'extractEventsFromMpv2',
  'isRequestMpv1',
  'isRequestMpv2',
];

const responseSetters = [
  'setPixelResponse',
  'setResponseBody',
  'setResponseHeader',
  'setResponseStatus',
];

const serverApis: ApiCatalogueEntry[] = [
  entry('addMessageListener', server, ['use_message']),
  entry('hasMessageListener', server, ['use_message']),
  entry('sendMessage', server, ['use_message']),
  entry('BigQuery', server, ['access_bigquery'], ['insert']),
  entry('claimRequest', server),
  entry('computeEffectiveTldPlusOne', server),
  entry('createRegex', server),
  entry('testRegex', server),
  entry('Firestore', server, ['access_firestore'], ['read', 'write', 'query', 'runTransaction']),
  entry('getAllEventData', server, ['read_event_data']),
  entry('getEventData', server, ['read_event_data']),
  entry('getClientName', server, ['read_container_data']),
  entry('getGoogleAuth', server, ['use_google_credentials']),
  entry('getGoogleScript', server, ['send_http']),
  ...requestAccessors.map((name) => entry(name, server, ['read_request'])),
  entry('hmacSha256', server, ['use_custom_private_keys']),
  entry('Promise', server, [], ['create', 'all']),
  entry('returnResponse', server, ['return_response']),
  entry('runContainer', server, ['run_container']),
  entry('sendEventToGoogleAnalytics', server, ['send_http']),
  entry('sendHttpGet', server, ['send_http']),
  entry('sendHttpRequest', server, ['send_http']),
  entry('sendPixelFromBrowser', server, ['send_pixel_from_browser']),
  ...responseSetters.map((name) => entry(name, server, ['access_response'])),
  entry('sha256Sync', server),
  entry(
    'templateDataStorage',
    server,
    ['access_template_storage'],
    ['getItemCopy', 'setItemCopy', 'removeItem', 'clear'],
  ),
];

/**
 * Every name `require()` accepts in a web or a server template (reference notes §3.1, §3.2),
 * with the permission ids a template needs before calling it (§1.5). The linter checks
 * `require` names and permission sections against it; the runtime resolves names through it.
 */
export const apiCatalogue: ReadonlyArray<ApiCatalogueEntry> = Object.freeze([
  ...sharedApis,
  ...webApis,
  ...serverApis,
]);

const byName = new Map(apiCatalogue.map((item) => [item.name, item]));

/** The catalogue entry for `name` when that API exists in `context`, else undefined. */
export function catalogueEntry(
  name: string,
  context: ContainerContext,
): ApiCatalogueEntry | undefined {
  const found = byName.get(name);
  return found !== undefined && found.contexts.includes(context) ? found : undefined;
}

/** The names `require()` accepts in `context`, sorted. */
export function catalogueNames(context: ContainerContext): string[] {
  return apiCatalogue
    .filter((item) => item.contexts.includes(context))
    .map((item) => item.name)
    .sort();
}
