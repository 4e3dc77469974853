import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabSession } from '../../extension/src/common/session-types.js';
import { buildExtension } from './build-extension.js';
import { waitUntil } from './chromium-extension.js';
import { serveTestSite, type TestSite } from './serve-test-site.js';

const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';

/** Reads the tab's session through the test-only relay bridge (BiDi cannot reach the background). */
async function readSession(page: Page): Promise<TabSession | null> {
  const text = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const id = Math.random();
        const onReply = (event: MessageEvent) => {
          if (event.data?.tagwardenE2EReply !== id) return;
          window.removeEventListener('message', onReply);
          resolve(String(event.data.session ?? 'null'));
        };
        window.addEventListener('message', onReply);
        window.postMessage({ tagwardenE2E: 'getSession', id }, '*');
      }),
  );
  return JSON.parse(text) as TabSession | null;
}

// A missing browser is a failure with its fix, not a silent skip: CI installs Firefox ESR.
it('has Firefox ESR to run the smoke test in', () => {
  expect(
    existsSync(firefoxPath),
    `no Firefox at ${firefoxPath}: apt-get install -y firefox-esr, or set FIREFOX_PATH`,
  ).toBe(true);
});

describe.runIf(existsSync(firefoxPath))('the extension in Firefox ESR (smoke)', () => {
  let site: TestSite;
  let browser: Browser;
  let profile: string;

  beforeAll(async () => {
    const extensionDir = await buildExtension({ target: 'firefox', isE2e: true });
    site = await serveTestSite();
    profile = mkdtempSync(join(tmpdir(), 'tagwarden-firefox-'));
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      userDataDir: profile,
      // Loopback only: every other host goes to a dead proxy.
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.no_proxies_on': '127.0.0.1,localhost',
        'network.proxy.allow_hijacking_localhost': false,
      },
    });
    await browser.installExtension(extensionDir);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('captures pushes before and after GTM and a batched GA4 beacon with its events', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/smoke.html`);
    const session = (await waitUntil(
      'the smoke page session',
      () => readSession(page),
      // The network view of a hit can arrive before the relay delivers the page's pushes, so
      // wait for both kinds of record the test reads.
      (value) =>
        value !== null &&
        value.hits.some((hit) => hit.state === 'completed') &&
        value.pushes.some((push) => (push.push as { event?: string }).event === 'smoke_after_gtm'),
    )) as TabSession;

    const events = session.pushes.map(
      (push) => (push.push as { event?: string }).event ?? push.push,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        'smoke_before_gtm',
        'smoke_after_gtm',
        { $arguments: ['config', 'G-STANDIN1'] },
      ]),
    );
    const hit = session.hits[0];
    expect(hit?.summary).toMatchObject({
      kind: 'ga4',
      events: [{ name: 'smoke_purchase' }, { name: 'smoke_scroll' }],
    });
    expect(hit?.page?.transport).toBe('beacon');
    expect(hit?.network).toMatchObject({ type: 'beacon', statusCode: 204 });
  });
});
