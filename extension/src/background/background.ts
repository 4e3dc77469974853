/**
 * The background: a module service worker on Chrome, an event page on Firefox, from this one
 * source. Every listener is registered synchronously at the top level, so a stopped worker is
 * woken by the events it must not miss; state lives in `storage.session`, not here.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { CAPTURE_PORT, SUBSCRIBE_PORT } from '../common/background-api.js';
import { DATA_LAYER_NAMES_KEY } from '../common/read-data-layer-names.js';
import { createCaptureService } from './create-capture-service.js';
import { createMessageHandlers, dispatchMessage } from './create-message-handlers.js';
import { createSessionStore } from './create-session-store.js';
import { createSubscriptions } from './create-subscriptions.js';
import { registerNavigationListeners } from './register-navigation-listeners.js';
import { registerNetworkListeners } from './register-network-listeners.js';
import { servePort } from './serve-port.js';

// storage.session exists from Chrome 102 and Firefox 115; older browsers keep sessions in
// storage.local, which is cleared of them when the browser starts.
const sessionArea = browser.storage.session ?? browser.storage.local;
const store = createSessionStore(sessionArea);
const subscriptions = createSubscriptions();
const capture = createCaptureService(store, subscriptions);
const handlers = createMessageHandlers(store, {
  save: (names) => browser.storage.local.set({ [DATA_LAYER_NAMES_KEY]: names }),
});

registerNetworkListeners(browser.webRequest, capture);
registerNavigationListeners(browser.webNavigation, capture);
browser.runtime.onConnect.addListener((port: Runtime.Port) => {
  if (port.name === CAPTURE_PORT || port.name === SUBSCRIBE_PORT)
    servePort(port, { capture, store, subscriptions });
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  dispatchMessage(handlers, message, { tabId: sender.tab?.id }),
);
browser.tabs.onRemoved.addListener((tabId: number) => void store.remove(tabId));
if (browser.storage.session === undefined) {
  browser.runtime.onStartup.addListener(() => void clearStaleSessions());
}

async function clearStaleSessions(): Promise<void> {
  const items = await browser.storage.local.get(null);
  await browser.storage.local.remove(Object.keys(items).filter((key) => key.startsWith('tab:')));
}

// For the background's DevTools console and end-to-end tests: the same handlers the API uses.
Object.assign(globalThis, { tagwarden: { handlers, store, startedAt: Date.now() } });
