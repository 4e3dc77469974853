/**
 * The background: a module service worker on Chrome, an event page on Firefox, from this one
 * source. Every listener is registered synchronously at the top level, so a stopped worker is
 * woken by the events it must not miss; state lives in `storage.session`, not here.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import bundledPlan from '../../../shared/plans/ga4-recommended.yaml?loaded-plan';
import { CAPTURE_PORT, SUBSCRIBE_PORT } from '../common/background-api.js';
import { DATA_LAYER_NAMES_KEY } from '../common/read-data-layer-names.js';
import { badgeTextOf, createBadgeService } from './create-badge-service.js';
import { createCaptureService } from './create-capture-service.js';
import { createMessageHandlers, dispatchMessage } from './create-message-handlers.js';
import { createSessionStore } from './create-session-store.js';
import { createSubscriptions } from './create-subscriptions.js';
import { registerNavigationListeners } from './register-navigation-listeners.js';
import { registerNetworkListeners } from './register-network-listeners.js';
import { SITE_PLANS_KEY } from './read-site-plan.js';
import { servePort } from './serve-port.js';

// storage.session exists from Chrome 102 and Firefox 115; older browsers keep sessions in
// storage.local, which is cleared of them when the browser starts.
const sessionArea = browser.storage.session ?? browser.storage.local;
const store = createSessionStore(sessionArea);
const subscriptions = createSubscriptions();
const badge = createBadgeService({
  getSession: (tabId) => store.get(tabId),
  readStorage: () => browser.storage.local.get(null),
  defaultPlan: () => bundledPlan,
  showErrors: (tabId, errors) => showErrors(tabId, errors),
});
// Every change the panels hear of also moves the badge of its tab.
const capture = createCaptureService(store, {
  add: (port, tabId) => subscriptions.add(port, tabId),
  publish(updates) {
    subscriptions.publish(updates);
    badge.note(updates);
  },
});
const handlers = createMessageHandlers(store, {
  save: (names) => browser.storage.local.set({ [DATA_LAYER_NAMES_KEY]: names }),
});

registerNetworkListeners(browser.webRequest, capture);
registerNavigationListeners(browser.webNavigation, capture);
browser.runtime.onConnect.addListener((port: Runtime.Port) => {
  if (port.name === CAPTURE_PORT || port.name === SUBSCRIBE_PORT)
    servePort(port, { capture, store, subscriptions });
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const answer = dispatchMessage(handlers, message, { tabId: sender.tab?.id });
  // A cleared session clears its badge.
  const tabId = (message as { tabId?: unknown } | null)?.tabId;
  const touch = () => typeof tabId === 'number' && badge.touch(tabId);
  void answer?.then(touch, touch);
  return answer;
});
// An event page (Firefox) hears this before it is unloaded: what waits for the write goes now.
browser.runtime.onSuspend?.addListener(() => void store.flush());
browser.tabs.onRemoved.addListener((tabId: number) => {
  badge.forget(tabId);
  void store.remove(tabId);
});
// Plans live in storage.local. Listening to storage.onChanged instead would also hand this
// worker every session write, old and new value in full: about a third of the CPU the
// extension cost a product-page load (measured per process, as bench/extension-overhead does).
browser.storage.local.onChanged.addListener((changes) => {
  if (Object.keys(changes).some((key) => key === SITE_PLANS_KEY || key.startsWith('plan:')))
    badge.replan();
});
// One colour for every tab, set once per worker start rather than with every count.
void browser.action.setBadgeBackgroundColor({ color: '#c5221f' }).catch(() => undefined);
if (browser.storage.session === undefined) {
  browser.runtime.onStartup.addListener(() => void clearStaleSessions());
}

async function showErrors(tabId: number, errors: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: badgeTextOf(errors) });
  } catch {
    // The tab closed while its records were being counted.
  }
}

async function clearStaleSessions(): Promise<void> {
  const items = await browser.storage.local.get(null);
  await browser.storage.local.remove(Object.keys(items).filter((key) => key.startsWith('tab:')));
}

// For the background's DevTools console and end-to-end tests: the same handlers the API uses.
Object.assign(globalThis, { tagwarden: { handlers, store, startedAt: Date.now() } });
