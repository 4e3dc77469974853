import { existsSync } from 'node:fs';
import type { BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabSession } from '../../extension/src/common/session-types.js';
import { chromiumPath } from '../browser/launch-chromium.js';
import {
  launchChromiumWithExtension,
  waitUntil,
  type ChromiumWithExtension,
} from './chromium-extension.js';
import { serveTestSite, type TestSite } from './serve-test-site.js';

type ProbeResults = Record<string, unknown>;

// The same browser runs the probes twice: in its default context, where the extension runs,
// and in a fresh incognito-like context, where Chromium runs no extension content scripts.
describe.runIf(existsSync(chromiumPath))('a page probing for the hook', () => {
  let site: TestSite;
  let chromium: ChromiumWithExtension;
  let bare: BrowserContext;

  const runProbes = async (context: BrowserContext): Promise<ProbeResults> => {
    const page = await context.newPage();
    await page.goto(`${site.origin}/probes.html`);
    await page.waitForFunction(() => 'probeResults' in window, { timeout: 15_000 });
    const results = await page.evaluate(
      () => (window as unknown as { probeResults: ProbeResults }).probeResults,
    );
    return results;
  };

  beforeAll(async () => {
    site = await serveTestSite();
    chromium = await launchChromiumWithExtension();
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await site?.close();
  });

  let withExtension: ProbeResults;
  let session: TabSession | undefined;

  it('gets the same answers, errors, `this`, printed sources and callback order with and without the extension', async () => {
    withExtension = await runProbes(chromium.browser.defaultBrowserContext());
    session = await waitUntil(
      'the probes page session',
      async () => {
        // Found by what it holds: the tab's navigation events were seen to arrive late under load.
        const sessions = await chromium.sessions();
        return sessions.find((candidate) =>
          candidate.hits.some((hit) => hit.url.includes('G-PROBE')),
        );
      },
      (value) => (value?.hits.length ?? 0) >= 8,
    );
    // Created only after the extension's session was read: with the off-the-record context
    // open first, that session was not always found (seen under load, not yet explained).
    bare = await chromium.browser.createBrowserContext();
    const without = await runProbes(bare);

    // The control probe proves the hook ran in one context and not in the other.
    expect(withExtension.controlHookVisible).toBe(true);
    expect(without.controlHookVisible).toBe(false);
    const seenWith = withoutControl(withExtension);
    const seenWithout = withoutControl(without);
    expect(seenWith).toEqual(seenWithout);
    expect(seenWith).toMatchObject({
      firstPushReturns: 1,
      replacedReturns: 'custom',
      sameErrorThrown: true,
      beaconReturns: true,
      fetchSource: 'function fetch() { [native code] }',
      // The refused fetch and the one called with a wrong `this`: nothing marks them handled.
      unhandledRejections: 2,
    });
  });

  it('still captured what the probes sent', () => {
    const names = session?.hits.flatMap((hit) =>
      hit.summary.kind === 'ga4' ? hit.summary.events.map((event) => event.name) : [],
    );
    // The beacon's body line names its event `probe`, which wins over the URL's `en`.
    expect(names).toEqual(
      expect.arrayContaining(['probe', 'probe_image', 'probe_fetch', 'probe_xhr']),
    );
    const secondSend = session?.hits.filter((hit) => hit.url.endsWith('en=probe_xhr'))[1];
    expect(secondSend?.state).toBe('not-sent');
    expect(secondSend?.page?.threw).toMatch(/^InvalidStateError/);
    expect(session?.pushes.filter((push) => push.origin === 'live').length).toBeGreaterThanOrEqual(
      6,
    );
  });
});

function withoutControl(results: ProbeResults): ProbeResults {
  const copy = { ...results };
  delete copy.controlHookVisible;
  return copy;
}
