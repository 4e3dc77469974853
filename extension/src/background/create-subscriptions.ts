import type { SessionUpdate } from '../common/background-api.js';

/** The part of a runtime port a subscription needs. */
export interface SubscriberPort {
  postMessage(message: unknown): void;
  onDisconnect: { addListener(listener: () => void): void };
}

export interface Subscriptions {
  add(port: SubscriberPort, tabId: number): void;
  /** Sends each update to the ports subscribed to its tab. */
  publish(updates: SessionUpdate[]): void;
}

/** Live session updates for panels, per tab; a closed port is forgotten. */
export function createSubscriptions(): Subscriptions {
  const byTab = new Map<number, Set<SubscriberPort>>();

  return {
    add(port, tabId) {
      const ports = byTab.get(tabId) ?? new Set();
      ports.add(port);
      byTab.set(tabId, ports);
      port.onDisconnect.addListener(() => {
        ports.delete(port);
        if (ports.size === 0 && byTab.get(tabId) === ports) byTab.delete(tabId);
      });
    },
    publish(updates) {
      for (const update of updates) {
        for (const port of byTab.get(update.tabId) ?? []) {
          try {
            port.postMessage(update);
          } catch {
            byTab.get(update.tabId)?.delete(port);
          }
        }
      }
    },
  };
}
