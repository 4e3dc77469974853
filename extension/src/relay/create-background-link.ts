import type { Runtime } from 'webextension-polyfill';
import { isCaptureAck } from '../common/background-api.js';

/** Messages kept until the background stores them; past this the oldest are dropped. */
const MAX_UNACKED = 500;
/** How long the first unacknowledged message waits before the port is opened again (ms). */
const FIRST_RETRY_MS = 2_000;
/** A worker slow to wake under load is retried less and less often, up to this (ms). */
const LAST_RETRY_MS = 16_000;

export interface BackgroundLink {
  send(message: object): void;
}

export interface BackgroundLinkOptions {
  /** Names this link in the background, which keeps the last sequence number it stored. */
  linkId: string;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Outgoing {
  seq: number;
  message: object;
}

/**
 * A port to the background that delivers every message at least once, in order. Each message
 * carries the link's id and a sequence number and stays here until the background answers
 * that it has stored it (`capture-ack`). A port can die without a word: a stopped service
 * worker, a page entering the back/forward cache, a worker killed before it wrote to storage.
 * So when no acknowledgement comes in time, the port is opened again (which wakes a stopped
 * worker) and everything unacknowledged is sent again; the background drops what it has
 * already stored by the sequence number.
 */
export function createBackgroundLink(
  connect: () => Runtime.Port,
  options: BackgroundLinkOptions,
): BackgroundLink {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let port: Runtime.Port | undefined;
  let unacked: Outgoing[] = [];
  let nextSeq = 1;
  let timer: unknown;
  let retryMs = FIRST_RETRY_MS;
  // After a failed post, later messages wait for the resend so they never overtake it.
  let isFlowing = true;

  const onAck = (answer: unknown): void => {
    if (!isCaptureAck(answer) || answer.linkId !== options.linkId) return;
    unacked = unacked.filter((outgoing) => outgoing.seq > answer.seq);
    retryMs = FIRST_RETRY_MS;
    restartTimer();
  };

  const open = (): Runtime.Port | undefined => {
    if (port !== undefined) return port;
    try {
      const opened = connect();
      opened.onDisconnect.addListener(() => {
        if (port === opened) port = undefined;
      });
      opened.onMessage.addListener(onAck);
      port = opened;
    } catch {
      // The extension was reloaded or removed: this page's relay has no background any more.
      port = undefined;
    }
    return port;
  };

  const post = (outgoing: Outgoing): boolean => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const current = open();
      if (current === undefined) return false;
      try {
        current.postMessage({ ...outgoing.message, linkId: options.linkId, seq: outgoing.seq });
        return true;
      } catch {
        port = undefined;
      }
    }
    return false;
  };

  const resendAll = (): void => {
    timer = undefined;
    if (unacked.length === 0) return;
    // The old port may look open and lead nowhere; a new one wakes the worker.
    const stale = port;
    port = undefined;
    try {
      stale?.disconnect();
    } catch {
      // Already gone.
    }
    isFlowing = true;
    for (const outgoing of unacked) {
      isFlowing = post(outgoing);
      if (!isFlowing) break;
    }
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    restartTimer();
  };

  function restartTimer(): void {
    if (timer !== undefined) clearTimer(timer);
    timer = unacked.length === 0 ? undefined : setTimer(resendAll, retryMs);
  }

  return {
    send(message) {
      const outgoing = { seq: nextSeq, message };
      nextSeq += 1;
      unacked.push(outgoing);
      if (unacked.length > MAX_UNACKED) unacked.splice(0, unacked.length - MAX_UNACKED);
      if (isFlowing) isFlowing = post(outgoing);
      if (timer === undefined) restartTimer();
    },
  };
}
