import type { Browser } from 'puppeteer-core';
import type { TabSession } from '../../../extension/src/common/session-types.js';

/** Reads every tab's session through the background's own handlers (`globalThis.tagwarden`). */
const READ_SESSIONS = `(async () => {
  const api = globalThis.tagwarden?.handlers;
  if (api === undefined) throw new Error('the background has not started');
  const listed = await api.listSessions({}, {});
  return JSON.stringify(await Promise.all(listed.map((entry) => api.getSession({ tabId: entry.tabId }, {}))));
})()`;

/**
 * The extension's per-tab capture sessions, read in its service worker over the DevTools
 * protocol, the same handlers the QA panel calls. A fresh DevTools session each time: a
 * restarted worker keeps its target id and a cached handle to it goes stale.
 */
export async function readExtensionSessions(
  browser: Browser,
  extensionId: string,
): Promise<TabSession[]> {
  const connection = await browser.target().createCDPSession();
  try {
    const { targetInfos } = await connection.send('Target.getTargets');
    const worker = targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.includes(extensionId),
    );
    if (worker === undefined) throw new Error('the extension has no running service worker');
    const { sessionId } = await connection.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: true,
    });
    const session = connection.connection()?.session(sessionId);
    if (!session) throw new Error('could not attach to the extension service worker');
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression: READ_SESSIONS,
      awaitPromise: true,
      returnByValue: true,
    });
    await session.detach().catch(() => undefined);
    if (exceptionDetails !== undefined)
      throw new Error(exceptionDetails.exception?.description ?? 'reading the sessions failed');
    return JSON.parse(String(result.value)) as TabSession[];
  } finally {
    await connection.detach().catch(() => undefined);
  }
}
