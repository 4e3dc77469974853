import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedRecord } from '../../shared/capture/captured-input.js';
import { checkCaptures } from '../../shared/check/check-captures.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { TabSession } from '../../extension/src/common/session-types.js';
import { chromiumPath } from '../browser/launch-chromium.js';
import {
  launchChromiumWithExtension,
  waitUntil,
  type ChromiumWithExtension,
} from './chromium-extension.js';
import { serveTestSite, type TestSite } from './serve-test-site.js';

const planResult = loadPlan(
  readFileSync(new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url), 'utf8'),
  'ga4-recommended',
);

/** What `tagwarden check` counts as errors in a session's pushes and hits. */
function checkErrors(session: TabSession): number {
  if (!planResult.ok) throw new Error('the bundled plan does not load');
  const source = { file: 'session', line: 1 };
  const records: CapturedRecord[] = [
    ...session.pushes.map((push) => ({
      kind: 'push' as const,
      push: push.push,
      pageUrl: push.pageUrl,
      source,
    })),
    ...session.hits.map((hit) => ({
      kind: 'request' as const,
      url: hit.url,
      method: hit.method,
      body: hit.page?.body ?? hit.network?.body ?? '',
      source,
    })),
  ];
  const report = checkCaptures(records, planResult.plan, { inputs: ['session'] });
  return report.summary.violations.error;
}

describe.runIf(existsSync(chromiumPath))('the toolbar badge in Chromium', () => {
  let site: TestSite;
  let chromium: ChromiumWithExtension;
  let session: TabSession;
  let validTabId: number;

  const badgeText = (tabId: number) =>
    chromium.evaluateInWorker(`chrome.action.getBadgeText({ tabId: ${tabId} })`);
  const sessionOf = (path: string) => async () =>
    (await chromium.sessionFor((url) => url.includes(path))) ?? null;

  beforeAll(async () => {
    site = await serveTestSite();
    chromium = await launchChromiumWithExtension();
    const valid = await chromium.browser.newPage();
    await valid.goto(`${site.origin}/victim.html`);
    validTabId = (await waitUntil('the valid page', sessionOf('/victim.html'), (found) =>
      Boolean(found?.pushes.length),
    ))!.tabId;

    const invalid = await chromium.browser.newPage();
    await invalid.goto(`${site.origin}/badge.html`);
    session = (await waitUntil('the badge page', sessionOf('/badge.html'), (found) =>
      Boolean(found?.pushes.length === 2 && found.hits[0]?.network?.statusCode),
    )) as TabSession;
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('counts the error-severity violations of the tab, as tagwarden check does', async () => {
    const expected = checkErrors(session);
    expect(expected).toBeGreaterThanOrEqual(3);
    const text = await waitUntil(
      'the badge text',
      () => badgeText(session.tabId),
      (value) => value === String(expected),
    );
    expect(text).toBe(String(expected));
  });

  it('shows nothing on a tab without errors', async () => {
    await waitUntil(
      'the badge page counted',
      () => badgeText(session.tabId),
      (value) => value !== '',
    );
    expect(await badgeText(validTabId)).toBe('');
  });
});
