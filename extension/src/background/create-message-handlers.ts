import type { BackgroundApi } from '../common/background-api.js';
import { readDataLayerNames } from '../common/read-data-layer-names.js';
import type { SessionStore } from './create-session-store.js';

/** Who asked: the sender's tab, when the message came from a page. */
export interface MessageSender {
  tabId?: number;
}

/** One handler per request type of `BackgroundApi`. */
export type MessageHandlers = {
  [Type in keyof BackgroundApi]: (
    request: BackgroundApi[Type]['request'],
    sender: MessageSender,
  ) => Promise<BackgroundApi[Type]['response']>;
};

/** Where the user's dataLayer names are kept (`storage.local`). */
export interface NameSettings {
  save(names: string[]): Promise<void>;
}

/** The background's message API as a table of handlers, one per request type. */
export function createMessageHandlers(
  store: SessionStore,
  settings: NameSettings,
): MessageHandlers {
  return {
    async getSession(request, sender) {
      const tabId = request.tabId ?? sender.tabId;
      if (typeof tabId !== 'number') return null;
      return (await store.get(tabId)) ?? null;
    },
    async clear(request) {
      return { cleared: await store.clear(request.tabId) };
    },
    async listSessions() {
      const sessions = await store.list();
      return sessions.map((session) => ({
        tabId: session.tabId,
        url: session.navigations[session.navigations.length - 1]?.url ?? '',
        pushes: session.pushes.length,
        hits: session.hits.length,
      }));
    },
    async setDataLayerNames(request) {
      const names = readDataLayerNames(request.names);
      await settings.save(names);
      return { names };
    },
  };
}

/**
 * Routes a runtime message to its handler. Undefined for messages that are not requests of
 * this API, so other listeners may answer them; a rejected promise for a failing handler.
 */
export function dispatchMessage(
  handlers: MessageHandlers,
  message: unknown,
  sender: MessageSender,
): Promise<unknown> | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  const handler = handlers[type as keyof MessageHandlers] as (
    request: unknown,
    sender: MessageSender,
  ) => Promise<unknown>;
  return handler(message, sender);
}
