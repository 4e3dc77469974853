import type { ApiDefinition, ContainerContext } from '../contract.js';
import { addEventCallbackApi } from './add-event-callback.js';
import { fromBase64Api, toBase64Api } from './base64-codecs.js';
import { bigQueryApi } from './big-query.js';
import { injectHiddenIframeApi, injectScriptApi, sendPixelApi } from './browser-requests.js';
import {
  addConsentListenerApi,
  isConsentGrantedApi,
  setDefaultConsentStateApi,
  updateConsentStateApi,
} from './consent.js';
import { claimRequestApi, runContainerApi } from './container-run.js';
import { getClientNameApi, getContainerVersionApi } from './container-version.js';
import { copyFromDataLayerApi } from './copy-from-data-layer.js';
import { computeEffectiveTldPlusOneApi } from './effective-tld.js';
import { getAllEventDataApi, getEventDataApi } from './event-data.js';
import { firestoreApi } from './firestore.js';
import { serverGetCookieValuesApi, webGetCookieValuesApi } from './get-cookie-values.js';
import { getTypeApi } from './get-type.js';
import { getGoogleAuthApi } from './google-auth.js';
import {
  getGoogleScriptApi,
  sendEventToGoogleAnalyticsApi,
  sendPixelFromBrowserApi,
} from './google-services.js';
import { gtagSetApi } from './gtag-set.js';
import { hmacSha256Api } from './hmac-sha256.js';
import { jsonApi } from './json-api.js';
import { logToConsoleApi } from './log-to-console.js';
import { makeIntegerApi, makeNumberApi, makeStringApi } from './make-conversions.js';
import { makeTableMapApi } from './make-table-map.js';
import { mathApi } from './math-api.js';
import {
  extractEventsFromMpv1Api,
  extractEventsFromMpv2Api,
  isRequestMpv1Api,
  isRequestMpv2Api,
} from './measurement-protocol.js';
import { addMessageListenerApi, hasMessageListenerApi, sendMessageApi } from './messages.js';
import { objectApi } from './object-api.js';
import { readCharacterSetApi, readTitleApi } from './page-facts.js';
import {
  getQueryParametersApi,
  getReferrerQueryParametersApi,
  getReferrerUrlApi,
  getUrlApi,
} from './page-url.js';
import { parseUrlApi } from './parse-url.js';
import { promiseApi } from './promise-api.js';
import { queryPermissionApi } from './query-permission.js';
import { readAnalyticsStorageApi } from './read-analytics-storage.js';
import { createRegexApi, testRegexApi } from './regex.js';
import {
  getRemoteAddressApi,
  getRequestBodyApi,
  getRequestHeaderApi,
  getRequestMethodApi,
  getRequestPathApi,
  getRequestQueryParameterApi,
  getRequestQueryParametersApi,
  getRequestQueryStringApi,
} from './request-accessors.js';
import {
  returnResponseApi,
  setPixelResponseApi,
  setResponseBodyApi,
  setResponseHeaderApi,
  setResponseStatusApi,
} from './response-setters.js';
import { sendHttpGetApi, sendHttpRequestApi } from './send-http.js';
import { serverSetCookieApi, webSetCookieApi } from './set-cookie.js';
import { sha256Api, sha256SyncApi } from './sha256.js';
import { localStorageApi, templateDataStorageApi, templateStorageApi } from './storage.js';
import {
  callLaterApi,
  generateRandomApi,
  getTimestampApi,
  getTimestampMillisApi,
} from './time-and-chance.js';
import {
  decodeUriApi,
  decodeUriComponentApi,
  encodeUriApi,
  encodeUriComponentApi,
} from './uri-codecs.js';
import {
  aliasInWindowApi,
  callInWindowApi,
  copyFromWindowApi,
  setInWindowApi,
} from './window-globals.js';
import { createArgumentsQueueApi, createQueueApi } from './window-queues.js';

/**
 * Every API a template can `require()` in a web or a server container (reference notes §3.1,
 * §3.2), except `require` itself, which the interpreter provides. Names that differ by context
 * (getCookieValues, setCookie) have one definition per context.
 */
export const apiDefinitions: ApiDefinition[] = [
  addConsentListenerApi,
  addEventCallbackApi,
  addMessageListenerApi,
  aliasInWindowApi,
  bigQueryApi,
  callInWindowApi,
  callLaterApi,
  claimRequestApi,
  computeEffectiveTldPlusOneApi,
  copyFromDataLayerApi,
  copyFromWindowApi,
  createArgumentsQueueApi,
  createQueueApi,
  createRegexApi,
  decodeUriApi,
  decodeUriComponentApi,
  encodeUriApi,
  encodeUriComponentApi,
  extractEventsFromMpv1Api,
  extractEventsFromMpv2Api,
  firestoreApi,
  fromBase64Api,
  generateRandomApi,
  getAllEventDataApi,
  getClientNameApi,
  getContainerVersionApi,
  getEventDataApi,
  getGoogleAuthApi,
  getGoogleScriptApi,
  getQueryParametersApi,
  getReferrerQueryParametersApi,
  getReferrerUrlApi,
  getRemoteAddressApi,
  getRequestBodyApi,
  getRequestHeaderApi,
  getRequestMethodApi,
  getRequestPathApi,
  getRequestQueryParameterApi,
  getRequestQueryParametersApi,
  getRequestQueryStringApi,
  getTimestampApi,
  getTimestampMillisApi,
  getTypeApi,
  getUrlApi,
  gtagSetApi,
  hasMessageListenerApi,
  hmacSha256Api,
  injectHiddenIframeApi,
  injectScriptApi,
  isConsentGrantedApi,
  isRequestMpv1Api,
  isRequestMpv2Api,
  jsonApi,
  localStorageApi,
  logToConsoleApi,
  makeIntegerApi,
  makeNumberApi,
  makeStringApi,
  makeTableMapApi,
  mathApi,
  objectApi,
  parseUrlApi,
  promiseApi,
  queryPermissionApi,
  readAnalyticsStorageApi,
  readCharacterSetApi,
  readTitleApi,
  returnResponseApi,
  runContainerApi,
  sendEventToGoogleAnalyticsApi,
  sendHttpGetApi,
  sendHttpRequestApi,
  sendMessageApi,
  sendPixelApi,
  sendPixelFromBrowserApi,
  serverGetCookieValuesApi,
  serverSetCookieApi,
  setDefaultConsentStateApi,
  setInWindowApi,
  setPixelResponseApi,
  setResponseBodyApi,
  setResponseHeaderApi,
  setResponseStatusApi,
  sha256Api,
  sha256SyncApi,
  templateDataStorageApi,
  templateStorageApi,
  testRegexApi,
  toBase64Api,
  updateConsentStateApi,
  webGetCookieValuesApi,
  webSetCookieApi,
];

const byContext = new Map<ContainerContext, Map<string, ApiDefinition>>([
  ['web', new Map()],
  ['server', new Map()],
]);
for (const definition of apiDefinitions) {
  for (const context of definition.contexts)
    byContext.get(context)?.set(definition.name, definition);
}

/** The definition `require(name)` resolves to in `context`, or undefined when GTM has no such API there. */
export function apiDefinition(name: string, context: ContainerContext): ApiDefinition | undefined {
  return byContext.get(context)?.get(name);
}
