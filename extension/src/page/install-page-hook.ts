import { createDataLayerTracker } from './create-data-layer-tracker.js';
import { createFunctionMask } from './create-function-mask.js';
import { createPageChannel } from './create-page-channel.js';
import { createRequestRecorder } from './create-request-recorder.js';
import { isSafeLayerName } from '../common/is-safe-layer-name.js';
import { callMethod } from './page-intrinsics.js';
import { readLayerNameFromScriptUrl } from './read-layer-name-from-script-url.js';
import { watchScriptSources } from './watch-script-sources.js';
import { wrapFetch } from './wrap-fetch.js';
import { wrapImageSource } from './wrap-image-source.js';
import { wrapSendBeacon } from './wrap-send-beacon.js';
import { wrapXhr } from './wrap-xhr.js';

/**
 * Installs the page-world hook in `scope` (the page's window, at `document_start`): the
 * channel to the relay, the dataLayer tracker for `dataLayer`, loader `l=` names and the
 * user's names, and the request wrappers. Each part is installed on its own, so a page or
 * browser lacking one (no `sendBeacon`, a sandboxed frame) still gets the others.
 */
export function installPageHook(scope: typeof globalThis): void {
  const channel = createPageChannel(scope);
  const mask = createFunctionMask(scope);
  channel.record({
    kind: 'notice',
    code: 'hook-started',
    detail: String(scope.document?.readyState),
  });

  const tracker = createDataLayerTracker(scope, channel, mask);
  tracker.track('dataLayer', 'default');
  channel.onConfig((config) => {
    const names = Array.isArray(config.dataLayerNames) ? config.dataLayerNames : [];
    for (const name of names) if (isSafeLayerName(name)) tracker.track(name, 'configured');
  });
  attempt(() =>
    watchScriptSources(scope, mask, (url) => {
      const name = readLayerNameFromScriptUrl(url);
      if (name !== undefined) tracker.track(name, 'script-url');
    }),
  );

  const recorder = createRequestRecorder(scope, channel);
  attempt(() => wrapFetch(scope, mask, recorder));
  attempt(() => wrapSendBeacon(scope, mask, recorder));
  attempt(() => wrapXhr(scope, mask, recorder));
  attempt(() => wrapImageSource(scope, mask, recorder));

  const listen = scope.EventTarget.prototype.addEventListener;
  const rescan = (): void => tracker.rescan();
  callMethod(listen, scope, ['DOMContentLoaded', rescan, { once: true }]);
  callMethod(listen, scope, ['load', rescan, { once: true }]);
  callMethod(listen, scope, [
    'pageshow',
    (event: PageTransitionEvent) => {
      if (event.persisted) channel.record({ kind: 'notice', code: 'bfcache-restored' });
    },
  ]);
}

function attempt(step: () => void): void {
  try {
    step();
  } catch {
    // One wrapper that cannot be installed leaves the others in place.
  }
}
