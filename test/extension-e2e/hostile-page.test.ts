import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionPush, TabSession } from '../../extension/src/common/session-types.js';
import { chromiumPath } from '../browser/launch-chromium.js';
import {
  launchChromiumWithExtension,
  waitUntil,
  type ChromiumWithExtension,
} from './chromium-extension.js';
import { serveTestSite, type TestSite } from './serve-test-site.js';

const eventOf = (push: SessionPush): unknown => (push.push as { event?: unknown } | null)?.event;

describe.runIf(existsSync(chromiumPath))('a hostile page', () => {
  let site: TestSite;
  let chromium: ChromiumWithExtension;
  let page: Page;
  let session: TabSession;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    site = await serveTestSite();
    chromium = await launchChromiumWithExtension();
    page = await chromium.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`${site.origin}/hostile.html`);
    session = (await waitUntil(
      'the hostile page session',
      async () =>
        (await chromium.sessions()).find((candidate) =>
          candidate.hits.some((hit) => hit.url.includes('G-HOSTILE')),
        ) ?? null,
      (value) => (value?.hits.filter((hit) => hit.state !== 'pending').length ?? 0) >= 3,
    )) as TabSession;
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('keeps working: its own code runs to the end and sees the errors it would see anyway', async () => {
    const state = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return [
        scope.pageStillWorks,
        scope.frozenPushError,
        scope.trapPushError,
        scope.hugeBeaconQueued,
      ];
    });
    // sendBeacon refuses bodies over 64 KiB, with or without the extension.
    expect(state).toEqual([true, 'TypeError', 'push getter throws', false]);
    expect(pageErrors).toEqual([]);
  });

  it('keeps what it can of a frozen dataLayer and says why the rest is missing', () => {
    const frozen = session.pushes.filter((push) => push.dataLayerName === 'dataLayer');
    expect(frozen.map((push) => [eventOf(push), push.origin])).toEqual([
      ['frozen_entry', 'preexisting'],
    ]);
    const notices = session.notices.filter((notice) => notice.code === 'data-layer-unhookable');
    expect(notices.map((notice) => notice.dataLayerName).sort()).toEqual([
      'dataLayer',
      'trapLayer',
    ]);
  });

  it('keeps the entries of a layer whose push getter throws', () => {
    const trap = session.pushes.filter((push) => push.dataLayerName === 'trapLayer');
    expect(trap.map(eventOf)).toEqual(['trap_entry']);
  });

  it('summarises a megabyte push and keeps capturing after it', () => {
    const pushes = session.pushes.filter((push) => push.dataLayerName === 'otherLayer');
    expect(pushes.map((push) => push.push)).toEqual([
      { $unclonable: expect.stringMatching(/^size limit: \d+ characters$/) },
      { event: 'after_huge_push' },
    ]);
  });

  it('keeps the head of a megabyte body, marked truncated, and the hits after it', () => {
    const hugeFetch = session.hits.find((hit) => hit.url.endsWith('en=huge_fetch'));
    expect(hugeFetch?.page).toMatchObject({ bodyTruncated: true, bodyLength: 2_000_022 });
    expect(hugeFetch?.page?.body?.length).toBe(65_536);
    expect(hugeFetch?.state).toBe('completed');
    const hugeBeacon = session.hits.find((hit) => hit.url.endsWith('en=huge_beacon'));
    expect(hugeBeacon?.state).toBe('not-sent');
    expect(hugeBeacon?.page?.queued).toBe(false);
    expect(session.hits.find((hit) => hit.url.endsWith('en=after_huge'))?.state).toBe('completed');
  });
});
