import type { Browser } from 'puppeteer-core';
import { findExtensionWorker } from './find-extension-worker.js';

/**
 * How long attaching to the worker and one evaluation may take before they count as failed
 * (ms): a worker going down mid-call can leave a DevTools call unanswered for good.
 */
const EVALUATION_TIMEOUT_MS = 10_000;

/**
 * The value of an expression evaluated in the extension's service worker (awaited, returned
 * by value), waking a stopped worker first. A fresh DevTools session each time: a restarted
 * worker keeps its target id, and a cached handle to it goes stale.
 */
export async function evaluateInExtensionWorker(
  browser: Browser,
  extensionId: string,
  expression: string,
): Promise<unknown> {
  const targetId = await findExtensionWorker(browser, extensionId);
  const connection = await browser.target().createCDPSession();
  try {
    const { sessionId } = await withTimeout(
      connection.send('Target.attachToTarget', { targetId, flatten: true }),
    );
    const session = connection.connection()?.session(sessionId);
    if (!session) throw new Error('could not attach to the extension’s service worker');
    const { result, exceptionDetails } = await withTimeout(
      session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }),
    );
    await withTimeout(session.detach()).catch(() => undefined);
    if (exceptionDetails !== undefined)
      throw new Error(exceptionDetails.exception?.description ?? 'the evaluation failed');
    return result.value;
  } finally {
    await withTimeout(connection.detach()).catch(() => undefined);
  }
}

/**
 * Settles once the worker has run its top level, where every listener is registered: a page
 * loaded before that sends requests the background never hears of.
 */
export async function waitForExtensionWorker(
  browser: Browser,
  extensionId: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'it never answered';
  while (Date.now() < deadline) {
    const started = await evaluateInExtensionWorker(
      browser,
      extensionId,
      'typeof globalThis.tagwarden?.startedAt === "number"',
    ).catch((error: unknown) => {
      lastError = error instanceof Error ? error.message : String(error);
      return false;
    });
    if (started === true) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the extension’s background did not start: ${lastError}`);
}

function withTimeout<Value>(promise: Promise<Value>): Promise<Value> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${EVALUATION_TIMEOUT_MS} ms`)),
      EVALUATION_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
