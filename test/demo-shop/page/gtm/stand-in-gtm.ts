import { createDataLayerReplay } from '../../../../shared/datalayer/create-data-layer-replay.js';
import { createHitSender } from '../gtag/create-hit-sender.js';
import { createSessionTracker } from '../gtag/create-session-tracker.js';
import { createContainerTags } from './create-container-tags.js';
import { createMirrorBridge } from './create-mirror-bridge.js';
import { documentCookies } from './document-cookies.js';
import { readContainerOptions, type ContainerOptions } from './read-container-options.js';
import { takeOverDataLayer } from './take-over-data-layer.js';

// The demo container's GA4 property and build fingerprint (shaped like corpus A28's).
const MEASUREMENT_ID = 'G-TWDEMO2025';
const GTM_BUILD = '45je5ca1v9210004242za200';
// Events fired within this window leave in one batched request.
const BATCH_DELAY_MS = 300;
const DEFAULT_EVENT_TIMEOUT_MS = 2000;

/**
 * A stand-in for `gtm.js` with one GA4 setup and the web mirror tag. It models the dataLayer
 * with the repository's replay (the very model GTM builds), fires the container's tags on each
 * processed message, sends the GA4 hits to the container origin's `/g/collect`, and calls
 * `eventCallback` once a message's tags are done.
 */
function startContainer(): void {
  const options = readContainerOptions(document.currentScript);
  const layer = claimLayer(options.layerName);
  const tags = createTags(options);

  const replay = createDataLayerReplay();
  let uniqueEventId = 0;
  takeOverDataLayer(layer, (message) => {
    const fired = replay.push(message).map((step) => tags.fire(step));
    if (!isPlainMessage(message)) return;
    message['gtm.uniqueEventId'] = ++uniqueEventId;
    callEventCallback(message, Promise.all(fired), options.containerId);
  });
  pushLifecycleEvents(layer);
}

// The snippet normally created the array; a page without one gets a fresh one, as with GTM.
function claimLayer(name: string): unknown[] {
  const scope = window as unknown as Record<string, unknown>;
  const layer = Array.isArray(scope[name]) ? (scope[name] as unknown[]) : [];
  scope[name] = layer;
  return layer;
}

function createTags(options: ContainerOptions): ReturnType<typeof createContainerTags> {
  const sender = createHitSender({
    endpoint: `${options.origin}/g/collect`,
    batchDelayMs: BATCH_DELAY_MS,
    msSinceNavigation: () => performance.now(),
    send: (url, body) => void navigator.sendBeacon(url, body),
  });
  // Queued events leave before the page is hidden or left, as gtag's do.
  addEventListener('pagehide', () => sender.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') sender.flush();
  });

  return createContainerTags({
    measurementId: MEASUREMENT_ID,
    gtmBuild: GTM_BUILD,
    pageLoadId: Math.round(performance.timeOrigin),
    sender,
    tracker: createSessionTracker({
      measurementId: MEASUREMENT_ID,
      cookies: documentCookies,
      now: () => Date.now(),
      random: () => Math.random(),
    }),
    mirror: createMirrorBridge({
      collectorUrl: collectorUrlOfPage(),
      origin: options.origin,
      containerId: options.containerId,
    }),
  });
}

function collectorUrlOfPage(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="tagwarden-collector"]');
  return meta?.content.trim() ?? '';
}

function isPlainMessage(message: unknown): message is Record<string, unknown> {
  return (
    message !== null &&
    typeof message === 'object' &&
    Object.getPrototypeOf(message) === Object.prototype
  );
}

// GTM calls eventCallback with the container id once the message's tags are done, or when
// eventTimeout runs out first.
function callEventCallback(
  message: Record<string, unknown>,
  tagsDone: Promise<unknown>,
  containerId: string,
): void {
  const callback = message.eventCallback;
  if (typeof callback !== 'function') return;
  const timeout =
    typeof message.eventTimeout === 'number' ? message.eventTimeout : DEFAULT_EVENT_TIMEOUT_MS;
  let isCalled = false;
  const call = () => {
    if (isCalled) return;
    isCalled = true;
    callback(containerId);
  };
  void tagsDone.then(call);
  setTimeout(call, timeout);
}

function pushLifecycleEvents(layer: unknown[]): void {
  const pushDom = () => layer.push({ event: 'gtm.dom' });
  const pushLoad = () => layer.push({ event: 'gtm.load' });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', pushDom);
  else pushDom();
  if (document.readyState === 'complete') pushLoad();
  else addEventListener('load', pushLoad);
}

startContainer();
