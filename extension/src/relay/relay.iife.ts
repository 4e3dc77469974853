/**
 * The isolated-world entry (`document_start`, every frame). Built as a self-contained IIFE
 * like the hook, so its listener exists before the hook announces itself (toolchain notes §3).
 *
 * At `document_start` it only listens for the hook. The extension API is touched later: the
 * port opens with the first records, and the user's dataLayer names are read just after
 * DOMContentLoaded (`afterParsing`). Reading them at start made Chromium build the `runtime`
 * and `storage` bindings, ask the browser for storage and register a storage listener in every
 * frame before the page had parsed: 0.5 ms of the relay's 1.2 ms main-thread time per load of
 * the demo shop's product page (profiled). A name read later still finds its layer: what was
 * pushed before is reported as preexisting.
 */
import { CAPTURE_PORT } from '../common/background-api.js';
import { afterParsing } from './after-parsing.js';
import { createBackgroundLink } from './create-background-link.js';
import { installE2eBridge } from './install-e2e-bridge.js';
import { readRelayExtensionApi } from './read-relay-extension-api.js';
import { startRelay } from './start-relay.js';
import { watchDataLayerNames } from './watch-data-layer-names.js';

const link = createBackgroundLink(() => extensionApi().runtime.connect({ name: CAPTURE_PORT }), {
  linkId: newLinkId(),
});
const relay = startRelay(window, link);
afterParsing(window, () => {
  const api = readRelayExtensionApi(globalThis);
  if (api === undefined) return;
  watchDataLayerNames(api.storage, (names) => relay.sendConfig({ dataLayerNames: names }));
});
if (__TAGWARDEN_E2E__) installE2eBridge(window, extensionApi().runtime);

/** The extension API; throws outside an extension (a relay left behind by a removed one). */
function extensionApi() {
  const api = readRelayExtensionApi(globalThis);
  if (api === undefined) throw new Error('tagwarden: the extension API is gone');
  return api;
}

/** 128 random bits in hex; `crypto.randomUUID` exists only in secure contexts, plain http pages lack it. */
function newLinkId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
