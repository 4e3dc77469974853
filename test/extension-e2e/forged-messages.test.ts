import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_LIMITS } from '../../extension/src/background/session-limits.js';
import type { SessionPush, TabSession } from '../../extension/src/common/session-types.js';
import { chromiumPath } from '../browser/launch-chromium.js';
import {
  launchChromiumWithExtension,
  waitUntil,
  type ChromiumWithExtension,
} from './chromium-extension.js';
import { serveTestSite, type TestSite } from './serve-test-site.js';

const eventOf = (push: SessionPush): unknown => (push.push as { event?: unknown } | null)?.event;
const hasEvent = (session: TabSession | undefined, name: string) =>
  session?.pushes.some((push) => eventOf(push) === name) ?? false;

describe.runIf(existsSync(chromiumPath))('a page forging the extension’s messages', () => {
  let site: TestSite;
  let chromium: ChromiumWithExtension;
  let victim: Page;
  let forger: Page;
  let forgeries = 0;
  let victimSession: TabSession;
  let forgerSession: TabSession;
  const pageErrors: string[] = [];

  const readSession = (path: string) => () =>
    chromium.sessionFor((url) => url.includes(path)).then((session) => session ?? null);

  beforeAll(async () => {
    site = await serveTestSite();
    chromium = await launchChromiumWithExtension();
    victim = await chromium.browser.newPage();
    await victim.goto(`${site.origin}/victim.html`);
    await waitUntil('the victim session', readSession('/victim.html'), (session) =>
      hasEvent(session ?? undefined, 'victim_loaded'),
    );

    forger = await chromium.browser.newPage();
    forger.on('pageerror', (error) => pageErrors.push(String(error)));
    await forger.goto(`${site.origin}/forger.html`);
    forgeries = await forger.evaluate(
      () => (window as unknown as { forgeryDone: number }).forgeryDone,
    );
    forgerSession = (await waitUntil(
      'the forging page’s own last push',
      readSession('/forger.html'),
      (session) => hasEvent(session ?? undefined, 'after_forgery'),
    )) as TabSession;

    // The victim keeps capturing after the flood next door.
    await victim.evaluate(() => {
      (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'victim_after' });
    });
    victimSession = (await waitUntil(
      'the victim’s later push',
      readSession('/victim.html'),
      (session) => hasEvent(session ?? undefined, 'victim_after'),
    )) as TabSession;
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('sent thousands of forgeries without breaking its own page', () => {
    expect(forgeries).toBeGreaterThan(1_000);
    expect(pageErrors).toEqual([]);
  });

  it('adds nothing to the other tab’s session', () => {
    expect(JSON.stringify(victimSession)).not.toContain('FORGERY');
    expect(victimSession.pushes.map(eventOf)).toEqual(['victim_loaded', 'victim_after']);
    expect(victimSession.hits).toEqual([]);
  });

  it('adds nothing to its own session either, and rejects nothing the hook sent', async () => {
    const sessions = await chromium.sessions();
    for (const session of sessions) expect(JSON.stringify(session)).not.toContain('FORGERY');
    expect(forgerSession.dropped.invalid).toBe(0);
  });

  it('keeps relaying the page’s real pushes after the flood, from the frame the browser names', () => {
    const real = forgerSession.pushes.filter((push) => eventOf(push) === 'real_fill');
    expect(real.length).toBeGreaterThan(SESSION_LIMITS.pushes - 10);
    expect(forgerSession.pushes.at(-1)?.push).toEqual({
      event: 'after_forgery',
      forgeries,
    });
    expect(new Set(forgerSession.pushes.map((push) => push.frameId))).toEqual(new Set([0]));
  });

  it('stays within its cap, counting what it dropped and saying so', () => {
    expect(forgerSession.pushes).toHaveLength(SESSION_LIMITS.pushes);
    expect(forgerSession.dropped.pushes).toBe(3_202 - SESSION_LIMITS.pushes);
    expect(forgerSession.notices.some((notice) => notice.code === 'records-dropped')).toBe(true);
  });
});
