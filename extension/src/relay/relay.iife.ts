/**
 * The isolated-world entry (`document_start`, every frame). Built as a self-contained IIFE
 * like the hook, so its listener exists before the hook announces itself (toolchain notes §3).
 */
import { CAPTURE_PORT } from '../common/background-api.js';
import { createBackgroundLink } from './create-background-link.js';
import { installE2eBridge } from './install-e2e-bridge.js';
import { readRelayExtensionApi } from './read-relay-extension-api.js';
import { startRelay } from './start-relay.js';
import { watchDataLayerNames } from './watch-data-layer-names.js';

const api = readRelayExtensionApi(globalThis);
if (api !== undefined) {
  const link = createBackgroundLink(() => api.runtime.connect({ name: CAPTURE_PORT }), {
    linkId: newLinkId(),
  });
  const relay = startRelay(window, link);
  watchDataLayerNames(api.storage, (names) => relay.sendConfig({ dataLayerNames: names }));
  if (__TAGWARDEN_E2E__) installE2eBridge(window, api.runtime);
}

/** 128 random bits in hex; `crypto.randomUUID` exists only in secure contexts, plain http pages lack it. */
function newLinkId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
