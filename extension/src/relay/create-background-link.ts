import type { Runtime } from 'webextension-polyfill';

/** Messages kept while no port can be opened; past this the oldest are dropped. */
const MAX_PENDING = 500;

export interface BackgroundLink {
  send(message: unknown): void;
}

/**
 * A port to the background that is opened on first use and opened again after it closed: the
 * service worker restarts, and Chrome closes extension ports of pages entering the
 * back/forward cache. Messages that could not be posted wait, in order, for the next port.
 */
export function createBackgroundLink(connect: () => Runtime.Port): BackgroundLink {
  let port: Runtime.Port | undefined;
  const pending: unknown[] = [];

  const open = (): Runtime.Port | undefined => {
    if (port !== undefined) return port;
    try {
      const opened = connect();
      opened.onDisconnect.addListener(() => {
        if (port === opened) port = undefined;
      });
      port = opened;
    } catch {
      // The extension was reloaded or removed: this page's relay has no background any more.
      port = undefined;
    }
    return port;
  };

  const post = (message: unknown): boolean => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const current = open();
      if (current === undefined) return false;
      try {
        current.postMessage(message);
        return true;
      } catch {
        port = undefined;
      }
    }
    return false;
  };

  return {
    send(message) {
      pending.push(message);
      while (pending.length > 0 && post(pending[0])) pending.shift();
      if (pending.length > MAX_PENDING) pending.splice(0, pending.length - MAX_PENDING);
    },
  };
}
