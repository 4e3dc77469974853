import type { Browser } from 'puppeteer-core';
import type { TabSession } from '../../../extension/src/common/session-types.js';
import { readExtensionSessions } from '../demo/read-extension-sessions.js';

const POLL_MS = 300;
const ATTEMPTS = 20;
/** However the reads go, the wait ends by then (ms): a stuck worker must not hang the audit. */
const LONGEST_WAIT_MS = 90_000;

/**
 * The extension's sessions once they stop growing: records travel from the page through the
 * content script to the background, so the last page's pushes may still be on their way when
 * its tab goes idle. Two reads in a row with the same counts end the wait, and a worker that
 * is waking up is asked again rather than failing the run.
 */
export async function readSettledSessions(
  browser: Browser,
  extensionId: string,
): Promise<TabSession[]> {
  let previous: string | undefined;
  let sessions: TabSession[] = [];
  let lastError: unknown;
  const deadline = Date.now() + LONGEST_WAIT_MS;
  for (let attempt = 0; attempt < ATTEMPTS && Date.now() < deadline; attempt += 1) {
    try {
      sessions = await readExtensionSessions(browser, extensionId);
      const counts = sessions.map((session) => `${session.tabId}:${session.seq}`).join(',');
      if (counts === previous) return sessions;
      previous = counts;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (previous === undefined) throw lastError;
  return sessions;
}
