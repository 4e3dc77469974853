import type { Browser } from 'puppeteer-core';

/** How long a woken worker may take to appear before giving up (ms); loaded CI machines are slow. */
const WAKE_TIMEOUT_MS = 30_000;

/**
 * The DevTools target id of the extension's running service worker. Chrome stops an idle
 * worker after 30 s, and reading a session is no event that wakes it; so when none runs, an
 * extension page is opened that sends the background a message (which starts the worker),
 * and closed again once the worker is there.
 */
export async function findExtensionWorker(browser: Browser, extensionId: string): Promise<string> {
  const running = await findRunningWorker(browser, extensionId);
  if (running !== undefined) return running;
  const page = await browser.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/src/popup/popup.html`, {
      timeout: WAKE_TIMEOUT_MS,
    });
    const appeared = browser.waitForTarget(
      (target) => target.type() === 'service_worker' && target.url().includes(extensionId),
      { timeout: WAKE_TIMEOUT_MS },
    );
    // Any message wakes the worker; this one names no handler and is answered with nothing.
    await page.evaluate(() => {
      const runtime = (
        globalThis as { chrome?: { runtime?: { sendMessage(m: unknown): unknown } } }
      ).chrome?.runtime;
      void Promise.resolve(runtime?.sendMessage({ type: 'wake' })).catch(() => undefined);
    });
    await appeared;
  } finally {
    await page.close().catch(() => undefined);
  }
  const woken = await findRunningWorker(browser, extensionId);
  if (woken === undefined) throw new Error('the extension’s service worker did not start');
  return woken;
}

/** The running worker's target id, without waking one that is stopped. */
export async function findRunningWorker(
  browser: Browser,
  extensionId: string,
): Promise<string | undefined> {
  const connection = await browser.target().createCDPSession();
  try {
    const { targetInfos } = await connection.send('Target.getTargets');
    return targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.includes(extensionId),
    )?.targetId;
  } finally {
    await connection.detach().catch(() => undefined);
  }
}
