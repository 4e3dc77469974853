import type { ApiDefinition, ApiEnvironment, WebWorld } from '../contract.js';
import { callBackLater, sendThroughNetwork, type NetworkOutcome } from './send-through-network.js';
import { webWorldOf } from './world-of.js';

// A browser reports an opaque (`no-cors`) answer as status 0; it still loaded.
function isLoaded(outcome: NetworkOutcome): boolean {
  if (!outcome.isAnswered) return false;
  const status = outcome.response.statusCode;
  return status === 0 || (status >= 200 && status < 400);
}

function load(
  environment: ApiEnvironment,
  api: string,
  url: string,
  onSuccess: unknown,
  onFailure: unknown,
): void {
  sendThroughNetwork(environment, { api, url, method: 'GET', headers: {} }, (outcome) => {
    if (isLoaded(outcome)) callBackLater(environment, onSuccess);
    else callBackLater(environment, onFailure);
  });
}

/** `sendPixel(url, onSuccess?, onFailure?)`: a GET as an image request; callbacks after the answer. */
export const sendPixelApi: ApiDefinition = {
  name: 'sendPixel',
  contexts: ['web'],
  create: (environment) => (url, onSuccess, onFailure) => {
    environment.permissions.assert('sendPixel', 'send_pixel', url);
    if (typeof url !== 'string') return;
    load(environment, 'sendPixel', url, onSuccess, onFailure);
  },
};

/** `injectHiddenIframe(url, onSuccess?)`: loads the URL in a hidden iframe; onSuccess once it loads. */
export const injectHiddenIframeApi: ApiDefinition = {
  name: 'injectHiddenIframe',
  contexts: ['web'],
  create: (environment) => (url, onSuccess) => {
    environment.permissions.assert('injectHiddenIframe', 'inject_hidden_iframe', url);
    if (typeof url !== 'string') return;
    load(environment, 'injectHiddenIframe', url, onSuccess, undefined);
  },
};

// Per page: the scripts already requested under a cache token, and who waits for them.
const cachedScripts = new WeakMap<
  WebWorld,
  Map<string, Array<(isLoaded: boolean) => void> | boolean>
>();

/**
 * `injectScript(url, onSuccess, onFailure, cacheToken?)`: loads a script. Calls sharing a
 * `cacheToken` load it once; later ones wait for (or reuse) the first one's outcome.
 */
export const injectScriptApi: ApiDefinition = {
  name: 'injectScript',
  contexts: ['web'],
  create: (environment) => (url, onSuccess, onFailure, cacheToken) => {
    environment.permissions.assert('injectScript', 'inject_script', url);
    if (typeof url !== 'string') return;
    if (typeof cacheToken !== 'string')
      return load(environment, 'injectScript', url, onSuccess, onFailure);
    const world = webWorldOf(environment);
    const cache =
      cachedScripts.get(world) ?? new Map<string, Array<(isLoaded: boolean) => void> | boolean>();
    cachedScripts.set(world, cache);
    const report = (isLoaded: boolean) =>
      callBackLater(environment, isLoaded ? onSuccess : onFailure);
    const entry = cache.get(cacheToken);
    if (typeof entry === 'boolean') return report(entry);
    if (entry !== undefined) return void entry.push(report);
    const waiting = [report];
    cache.set(cacheToken, waiting);
    sendThroughNetwork(
      environment,
      { api: 'injectScript', url, method: 'GET', headers: {} },
      (outcome) => {
        const loaded = isLoaded(outcome);
        cache.set(cacheToken, loaded);
        for (const waiter of waiting) waiter(loaded);
      },
    );
  },
};
