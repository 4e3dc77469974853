import type { Browser } from 'puppeteer-core';
import {
  evaluateInExtensionWorker,
  waitForExtensionWorker,
} from '../../cli/commands/demo/evaluate-in-extension-worker.js';
import { findRunningWorker } from '../../cli/commands/demo/find-extension-worker.js';
import { readExtensionSessions } from '../../cli/commands/demo/read-extension-sessions.js';
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
  /** Whether a service worker runs now; asking wakes none. */
  isWorkerRunning(): Promise<boolean>;
  /** The session of the tab whose latest top-frame URL satisfies `matchesUrl`. */
  sessionFor(matchesUrl: (url: string) => boolean): Promise<TabSession | undefined>;
  /** Every tab's session. */
  sessions(): Promise<TabSession[]>;
  /**
   * The value of an expression evaluated in the service worker (awaited, returned by value);
   * a stopped worker is woken first.
   */
  evaluateInWorker(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

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

  const findWorkerTargetId = () => findRunningWorker(chromium.browser, extensionId);

  const evaluateInWorker = (expression: string) =>
    evaluateInExtensionWorker(chromium.browser, extensionId, expression);
  await waitForExtensionWorker(chromium.browser, extensionId);

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
    async isWorkerRunning() {
      return (await findWorkerTargetId()) !== undefined;
    },
    async sessionFor(matchesUrl) {
      const sessions = await readExtensionSessions(chromium.browser, extensionId);
      return sessions.find((session) => matchesUrl(session.navigations.at(-1)?.url ?? ''));
    },
    async sessions() {
      return readExtensionSessions(chromium.browser, extensionId);
    },
    evaluateInWorker,
    close: chromium.close,
  };
}

/**
 * Polls `read` until `isReady` holds for its result, or fails naming what was awaited, the
 * last value read and the last error, so a timeout says which of the two it was.
 */
export async function waitUntil<Value>(
  what: string,
  read: () => Promise<Value>,
  isReady: (value: Value) => boolean,
  timeoutMs = 50_000,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  let lastValue = 'nothing read';
  let lastError = 'none';
  for (;;) {
    // A restarting service worker refuses evaluation for a moment; that is only "not yet".
    const value = await read().catch((error: unknown) => error);
    if (value instanceof Error) lastError = value.message;
    else if (isReady(value as Value)) return value as Value;
    else lastValue = JSON.stringify(value) ?? 'undefined';
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}: last read ${lastValue.slice(0, 1500)}; last error ${lastError.slice(0, 500)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
