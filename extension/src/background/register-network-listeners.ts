import type { WebRequest } from 'webextension-polyfill';
import { isAnalyticsUrl } from '../common/is-analytics-url.js';
import type { NetworkStart } from './apply-network-events.js';
import type { CaptureService } from './create-capture-service.js';
import { readRequestBody, type RawRequestBody } from './read-request-body.js';

/** Request types that are never analytics hits (documents, code, fonts, media). */
const SKIPPED_TYPES = new Set([
  'main_frame',
  'sub_frame',
  'script',
  'stylesheet',
  'font',
  'media',
  'websocket',
]);

/**
 * Listens to `webRequest` for every tab, synchronously at the background's top level as MV3
 * requires (toolchain notes §4): the start of each analytics request with its body when the
 * browser gives one, its status on completion and its error when blocked or failed. This is
 * how hits the page world cannot see are captured: requests from workers, from other
 * extensions, from images in markup. Requests outside tabs (tabId -1) are skipped.
 */
export function registerNetworkListeners(
  webRequest: WebRequest.Static,
  capture: CaptureService,
): void {
  const filter: WebRequest.RequestFilter = { urls: ['<all_urls>'], ...hitTypesOf(webRequest) };
  // Each started hit's tab, by request: a keepalive request that outlives the worker or page
  // that sent it can be reported complete with no tab (-1), and its outcome still belongs to
  // the tab it started in.
  const tracked = new Map<string, number>();
  const tabOf = (details: { requestId: string; url: string; tabId: number }) => {
    const started = tracked.get(details.requestId);
    tracked.delete(details.requestId);
    if (started !== undefined) return started;
    return details.tabId >= 0 && isAnalyticsUrl(details.url) ? details.tabId : undefined;
  };

  webRequest.onBeforeRequest.addListener(
    (details) => {
      if (details.tabId < 0 || SKIPPED_TYPES.has(details.type) || !isAnalyticsUrl(details.url))
        return;
      tracked.set(details.requestId, details.tabId);
      void capture.onRequestStart(details.tabId, networkStart(details));
    },
    filter,
    ['requestBody'],
  );
  webRequest.onCompleted.addListener((details) => {
    const tabId = tabOf(details);
    if (tabId === undefined) return;
    const outcome = {
      statusCode: details.statusCode,
      fromCache: details.fromCache,
      completedAt: details.timeStamp,
    };
    void capture.onRequestOutcome(tabId, details.requestId, outcome);
  }, filter);
  webRequest.onErrorOccurred.addListener((details) => {
    const tabId = tabOf(details);
    if (tabId === undefined) return;
    const outcome = { error: details.error, completedAt: details.timeStamp };
    void capture.onRequestOutcome(tabId, details.requestId, outcome);
  }, filter);
}

/**
 * The request types a hit can have, from the browser's own list, so documents, scripts and
 * stylesheets never wake the worker: a page load's requests are mostly those (the demo shop's
 * product page: four of five). Without the list, every type, as before.
 */
function hitTypesOf(webRequest: WebRequest.Static): Pick<WebRequest.RequestFilter, 'types'> {
  const known = (webRequest as { ResourceType?: Record<string, WebRequest.ResourceType> })
    .ResourceType;
  const types = Object.values(known ?? {}).filter((type) => !SKIPPED_TYPES.has(type));
  return types.length === 0 ? {} : { types };
}

function networkStart(details: WebRequest.OnBeforeRequestDetailsType): NetworkStart {
  const { documentId, initiator, originUrl } = details as {
    documentId?: string;
    initiator?: string;
    originUrl?: string;
  };
  const source = initiator ?? originUrl;
  return {
    url: details.url,
    method: details.method,
    requestId: details.requestId,
    type: details.type,
    time: details.timeStamp,
    frameId: details.frameId,
    ...(documentId === undefined ? {} : { documentId }),
    ...(source === undefined ? {} : { initiator: source }),
    ...readRequestBody(details.requestBody as RawRequestBody | undefined),
  };
}
