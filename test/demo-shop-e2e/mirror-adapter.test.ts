import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../browser/launch-chromium.js';
import type { MirrorHost } from '../demo-shop/page/mirror/mirror-host.js';
import { startDemoShop, type DemoShop } from '../demo-shop/server/start-demo-shop.js';
import { startPixelRecorder } from './start-pixel-recorder.js';
import { waitUntil } from './wait-until.js';

type MirrorWindow = { tagwardenMirror?: MirrorHost };
const example = (name: string) =>
  new URL(`../../gtm-template/examples/${name}/template.tpl`, import.meta.url).pathname;

async function mirrorOf(page: Page, runs: number): Promise<MirrorHost | undefined> {
  await page.waitForFunction(
    (count) => ((window as unknown as MirrorWindow).tagwardenMirror?.runs.length ?? 0) >= count,
    {},
    runs,
  );
  return page.evaluate(() =>
    JSON.parse(JSON.stringify((window as unknown as MirrorWindow).tagwardenMirror)),
  );
}

// The adapter takes any web TAG template: here the example pixel tag, whose fields and
// permissions have nothing to do with GA4, and a variable template it must refuse.
describe.runIf(existsSync(chromiumPath))('the mirror adapter with other templates', () => {
  let collector: Awaited<ReturnType<typeof startPixelRecorder>>;
  let pixelShop: DemoShop;
  let variableShop: DemoShop;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  const contexts: BrowserContext[] = [];
  const freshPage = async () => {
    const context = await chromium.browser.createBrowserContext();
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    collector = await startPixelRecorder();
    pixelShop = await startDemoShop({
      collectorUrl: collector.collectUrl,
      mirrorTemplate: example('web-pixel-tag'),
    });
    variableShop = await startDemoShop({
      collectorUrl: collector.collectUrl,
      mirrorTemplate: example('web-datalayer-variable'),
    });
    chromium = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await pixelShop?.close();
    await variableShop?.close();
    await collector?.close();
  });

  it('runs the example pixel tag on every GA4 event, sending from the live page once consent is given', async () => {
    const page = await freshPage();
    const start = collector.pixels.length;
    await page.goto(`${pixelShop.url}/`);
    await page.locator('[data-testid="consent-accept"]').click();
    await Promise.all([
      page.waitForNavigation(),
      page.locator('[data-testid="product-link-TW-MB-002"]').click(),
    ]);
    await waitUntil('three pixels', () => collector.pixels.length - start >= 3);

    const sent = collector.pixels
      .slice(start)
      .map((pixel) => new URL(pixel.path, collector.collectUrl).searchParams);
    expect(sent.map((query) => query.get('en'))).toEqual(['select_item', 'page_view', 'view_item']);
    expect(sent[2]?.get('dl')).toBe(`${pixelShop.url}/products/summit-merino-beanie`);
    expect(sent[2]?.get('dt')).toBe('Summit Merino Beanie | Tidewater Trail Co.');
    expect(Number(sent[2]?.get('ts'))).toBeGreaterThan(1_700_000_000_000);
    const mirror = await mirrorOf(page, 2);
    expect(
      mirror?.runs.map((run) => [run.event, run.outcome, run.calls.includes('sendPixel')]),
    ).toEqual([
      ['page_view', 'succeeded', true],
      ['view_item', 'succeeded', true],
    ]);
  });

  it('lets the template itself hold back once consent is refused', async () => {
    const page = await freshPage();
    const start = collector.pixels.length;
    await page.goto(`${pixelShop.url}/`);
    await page.locator('[data-testid="consent-reject"]').click();
    await Promise.all([
      page.waitForNavigation(),
      page.locator('[data-testid="product-link-TW-DP-003"]').click(),
    ]);
    const mirror = await mirrorOf(page, 2);

    expect(
      mirror?.runs.map((run) => [run.event, run.outcome, run.calls.includes('sendPixel')]),
    ).toEqual([
      ['page_view', 'succeeded', false],
      ['view_item', 'succeeded', false],
    ]);
    // select_item's run ended before the click navigated (eventCallback waits for it).
    expect(collector.pixels.length).toBe(start);
  });

  it('refuses a template that is no web tag, saying why, and sends nothing', async () => {
    const page = await freshPage();
    const start = collector.pixels.length;
    await page.goto(`${variableShop.url}/`);
    const mirror = await mirrorOf(page, 2);

    expect(mirror?.problem).toMatch(
      /is a web MACRO template; the mirror needs a web TAG template$/,
    );
    expect(mirror?.runs.map((run) => run.outcome)).toEqual(['not-run', 'not-run']);
    expect(collector.pixels.length).toBe(start);
  });
});
