import type { Browser } from 'puppeteer-core';
import type { TabSession } from '../../../extension/src/common/session-types.js';
import { evaluateInExtensionWorker } from './evaluate-in-extension-worker.js';

/** Reads every tab's session through the background's own handlers (`globalThis.tagwarden`). */
const READ_SESSIONS = `(async () => {
  const api = globalThis.tagwarden?.handlers;
  if (api === undefined) throw new Error('the background has not started');
  const listed = await api.listSessions({}, {});
  return JSON.stringify(await Promise.all(listed.map((entry) => api.getSession({ tabId: entry.tabId }, {}))));
})()`;

/**
 * The extension's per-tab capture sessions, read in its service worker over the DevTools
 * protocol, the same handlers the QA panel calls.
 */
export async function readExtensionSessions(
  browser: Browser,
  extensionId: string,
): Promise<TabSession[]> {
  const text = await evaluateInExtensionWorker(browser, extensionId, READ_SESSIONS);
  return JSON.parse(String(text)) as TabSession[];
}
