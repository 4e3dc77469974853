import type { Runtime } from 'webextension-polyfill';
import { CAPTURE_PORT, SUBSCRIBE_PORT, type SubscribeRequest } from '../common/background-api.js';
import type { CaptureService } from './create-capture-service.js';
import type { SessionStore } from './create-session-store.js';
import type { Subscriptions } from './create-subscriptions.js';

export interface PortServices {
  capture: CaptureService;
  store: SessionStore;
  subscriptions: Subscriptions;
}

/**
 * Serves one runtime port: a relay's capture port (page records from one frame, attributed
 * to the frame the browser says sent them), or a panel's subscription port (a snapshot of the
 * tab's session, then every change).
 */
export function servePort(port: Runtime.Port, services: PortServices): void {
  if (port.name === CAPTURE_PORT) {
    const sender = port.sender as (Runtime.MessageSender & { documentId?: string }) | undefined;
    const place = {
      ...(sender?.tab?.id === undefined ? {} : { tabId: sender.tab.id }),
      ...(sender?.frameId === undefined ? {} : { frameId: sender.frameId }),
      ...(sender?.documentId === undefined ? {} : { documentId: sender.documentId }),
      ...(sender?.url === undefined ? {} : { url: sender.url }),
    };
    port.onMessage.addListener((message: unknown) => {
      void services.capture.onPageRecords(message, place).then((ack) => {
        if (ack === undefined) return;
        try {
          port.postMessage(ack);
        } catch {
          // The page went away; its relay, if it comes back, sends again and is answered then.
        }
      });
    });
    return;
  }
  if (port.name !== SUBSCRIBE_PORT) return;
  port.onMessage.addListener((message: unknown) => {
    const request = message as Partial<SubscribeRequest> | null;
    if (request?.type !== 'subscribe' || typeof request.tabId !== 'number') return;
    const tabId = request.tabId;
    services.subscriptions.add(port, tabId);
    void services.store.get(tabId).then((session) => {
      port.postMessage({ type: 'snapshot', tabId, session: session ?? null });
    });
  });
}
