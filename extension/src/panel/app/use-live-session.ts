import { useEffect, useRef, useState } from 'preact/hooks';
import browser, { type Runtime } from 'webextension-polyfill';
import { SUBSCRIBE_PORT, type SessionUpdate } from '../../common/background-api.js';
import type { TabSession } from '../../common/session-types.js';
import { applySessionUpdate } from '../model/apply-session-update.js';
import { liveRenderDelay } from './analysis-pace.js';

/**
 * How often a busy page's updates are shown at most: re-judging the session on every push is
 * waste. Large sessions wait longer (`liveRenderDelay`).
 */
const RENDER_EVERY_MS = 250;
const RECONNECT_AFTER_MS = 500;

export interface LiveSession {
  session: TabSession | null;
  /** Grows with every shown change, so memos recompute though the session object is the same. */
  version: number;
  isConnected: boolean;
}

/**
 * A tab's session, live: a snapshot over the background's subscription port, then every
 * change. Updates that arrive before the snapshot are kept and applied after it (they carry
 * sequence numbers, so nothing counts twice). The port is reopened when the background's
 * service worker restarts.
 */
export function useLiveSession(tabId: number | null): LiveSession {
  const session = useRef<TabSession | null>(null);
  const [version, setVersion] = useState(0);
  const [isConnected, setConnected] = useState(false);

  useEffect(() => {
    if (tabId === null) return undefined;
    session.current = null;
    let port: Runtime.Port | undefined;
    let isStopped = false;
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let pending: SessionUpdate[] = [];
    let hasSnapshot = false;

    const flush = () => {
      flushTimer = undefined;
      setVersion((value) => value + 1);
    };
    const onMessage = (message: unknown) => {
      const update = message as SessionUpdate;
      if (update?.tabId !== tabId) return;
      if (update.type === 'snapshot') {
        hasSnapshot = true;
        session.current = applySessionUpdate(null, update, Date.now());
        for (const waiting of pending)
          session.current = applySessionUpdate(session.current, waiting, Date.now());
        pending = [];
      } else if (!hasSnapshot) {
        pending.push(update);
        return;
      } else {
        session.current = applySessionUpdate(session.current, update, Date.now());
      }
      flushTimer ??= setTimeout(flush, liveRenderDelay(RENDER_EVERY_MS));
    };
    const connect = () => {
      if (isStopped) return;
      hasSnapshot = false;
      port = browser.runtime.connect({ name: SUBSCRIBE_PORT });
      port.onMessage.addListener(onMessage);
      port.onDisconnect.addListener(() => {
        setConnected(false);
        setTimeout(connect, RECONNECT_AFTER_MS);
      });
      port.postMessage({ type: 'subscribe', tabId });
      setConnected(true);
    };
    connect();
    return () => {
      isStopped = true;
      if (flushTimer !== undefined) clearTimeout(flushTimer);
      port?.disconnect();
    };
  }, [tabId]);

  return { session: session.current, version, isConnected };
}
