import type { Browser } from 'puppeteer-core';
import type { TabSession } from '../../extension/src/common/session-types.js';
import { launchChromium } from '../browser/launch-chromium.js';
import { buildExtension } from './build-extension.js';

export interface ChromiumWithExtension {
  browser: Browser;
  extensionId: string;
  /** When the running service worker started (it changes when the worker was restarted). */
  workerStartedAt(): Promise<number>;
  /** Stops the extension's service worker, as Chrome does after 30 s idle. */
  stopWorker(): Promise<void>;
  /** The session of the tab whose latest top-frame URL satisfies `matchesUrl`. */
  sessionFor(matchesUrl: (url: string) => boolean): Promise<TabSession | undefined>;
  /** Every tab's session. */
  sessions(): Promise<TabSession[]>;
  /** The value of an expression evaluated in the service worker (awaited, returned by value). */
  evaluateInWorker(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Reads every session through the background's own handlers (`globalThis.tagwarden`). */
const READ_SESSIONS = `(async () => {
  const api = globalThis.tagwarden?.handlers;
  if (api === undefined) throw new Error('the background has not started');
  const listed = await api.listSessions({}, {});
  return JSON.stringify(await Promise.all(listed.map((entry) => api.getSession({ tabId: entry.tabId }, {}))));
})()`;

/**
 * Debian's Chromium (loopback only) with the built extension installed, and a way to read
 * sessions through the background's own message handlers, the ones the panel will call.
 * Evaluation goes through a fresh DevTools session each time: a restarted service worker
 * keeps its target id, and puppeteer's cached worker handle for it goes stale.
 */
export async function launchChromiumWithExtension(): Promise<ChromiumWithExtension> {
  const extensionDir = await buildExtension({ target: 'chrome' });
  const chromium = await launchChromium({ extensionDir });
  const extensionId = chromium.extensionId as string;

  const findWorkerTargetId = async (): Promise<string | undefined> => {
    const connection = await chromium.browser.target().createCDPSession();
    try {
      const { targetInfos } = await connection.send('Target.getTargets');
      return targetInfos.find(
        (target) => target.type === 'service_worker' && target.url.includes(extensionId),
      )?.targetId;
    } finally {
      await connection.detach();
    }
  };

  const evaluateInWorker = async (expression: string): Promise<unknown> => {
    const targetId = await findWorkerTargetId();
    if (targetId === undefined) throw new Error('no service worker is running');
    const connection = await chromium.browser.target().createCDPSession();
    try {
      const { sessionId } = await connection.send('Target.attachToTarget', {
        targetId,
        flatten: true,
      });
      const session = connection.connection()?.session(sessionId);
      if (!session) throw new Error('could not attach to the service worker');
      const { result, exceptionDetails } = await withTimeout(
        2_000,
        session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }),
      );
      await session.detach().catch(() => undefined);
      if (exceptionDetails !== undefined)
        throw new Error(exceptionDetails.exception?.description ?? 'failed');
      return result.value;
    } finally {
      await connection.detach().catch(() => undefined);
    }
  };

  return {
    browser: chromium.browser,
    extensionId,
    async workerStartedAt() {
      return Number(await evaluateInWorker('globalThis.tagwarden?.startedAt ?? 0'));
    },
    async stopWorker() {
      const targetId = await findWorkerTargetId();
      if (targetId === undefined) return;
      const connection = await chromium.browser.target().createCDPSession();
      await connection.send('Target.closeTarget', { targetId });
      await connection.detach();
    },
    async sessionFor(matchesUrl) {
      const sessions = JSON.parse(String(await evaluateInWorker(READ_SESSIONS))) as TabSession[];
      return sessions.find((session) => matchesUrl(session.navigations.at(-1)?.url ?? ''));
    },
    async sessions() {
      return JSON.parse(String(await evaluateInWorker(READ_SESSIONS))) as TabSession[];
    },
    evaluateInWorker,
    close: chromium.close,
  };
}

/** Polls `read` until `isReady` holds for its result, or fails naming what was awaited. */
export async function waitUntil<Value>(
  what: string,
  read: () => Promise<Value>,
  isReady: (value: Value) => boolean,
  timeoutMs = 40_000,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A restarting service worker refuses evaluation for a moment; that is only "not yet".
    const value = await read().catch((error: unknown) => error);
    if (!(value instanceof Error) && isReady(value as Value)) return value as Value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}: ${String(value instanceof Error ? value.message : JSON.stringify(value)).slice(0, 2000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function withTimeout<Value>(ms: number, promise: Promise<Value>): Promise<Value> {
  return Promise.race([
    promise,
    new Promise<Value>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms),
    ),
  ]);
}
