import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/launch-chromium.js';
import { waitForText } from './page-actions.js';
import { startPanelHarness, type PanelHarness } from './panel-harness.js';

const RECORDS = 50_000;
const PAGES = 100;

/** 25,000 view_item pushes, each followed by the GA4 hit it produced, over 100 pages. */
function largeCapture(): string {
  const lines: string[] = [];
  for (let index = 0; index < RECORDS / 2; index++) {
    const pageUrl = `https://shop.example.test/product/${index % PAGES}`;
    const time = 1_763_632_800_000 + index * 10;
    const value = (index % 50) + 1;
    lines.push(
      JSON.stringify({
        type: 'push',
        push: {
          event: 'view_item',
          ecommerce: { currency: 'USD', value, items: [{ item_id: `SKU_${index}`, price: value }] },
        },
        pageUrl,
        time,
      }),
      JSON.stringify({
        type: 'request',
        url: `https://region1.google-analytics.com/g/collect?v=2&tid=G-LARGE0001&cid=1.2&_p=${index}&_s=1&en=view_item&cu=USD&epn.value=${value}&pr1=idSKU_${index}~pr${value}`,
        pageUrl,
        time: time + 5,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

describe.runIf(existsSync(chromiumPath))('a session of 50,000 rows in the panel', () => {
  let harness: PanelHarness;
  let page: Page;
  let folder: string;
  const rowsInDom = () => page.$$eval('[data-row-id]', (rows) => rows.length);

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tagwarden-large-'));
    writeFileSync(join(folder, 'large-session.ndjson'), largeCapture());
    harness = await startPanelHarness();
    page = await harness.openExtensionPage(`src/panel/panel.html?tabId=${harness.session.tabId}`);
    await page.waitForSelector('[data-row-id]');
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('renders only a window of rows, and scrolls to the end with the DOM still holding a window', async () => {
    await (
      await page.$('input[aria-label="Import a HAR or session file"]')
    )?.uploadFile(join(folder, 'large-session.ndjson'));
    await waitForText(page, '.filter-bar', '50000 of 50000 rows', 120_000);
    expect(await rowsInDom()).toBeGreaterThan(10);
    expect(await rowsInDom()).toBeLessThan(120);
    const spacer = await page.$eval(
      '.timeline .vl-spacer',
      (element) => (element as HTMLElement).offsetHeight,
    );
    expect(spacer).toBeGreaterThanOrEqual(50_000 * 26);

    await page.$eval('.timeline', (element) => element.scrollTo({ top: element.scrollHeight }));
    await page.waitForSelector('[data-row-id="s50000.0"]', { timeout: 20_000 });
    expect(await rowsInDom()).toBeLessThan(120);
    await page.$eval('.timeline', (element) => element.scrollTo({ top: element.scrollHeight / 2 }));
    await page.waitForFunction(() => document.querySelector('[data-row-id="s50000.0"]') === null);
    expect(await rowsInDom()).toBeLessThan(120);

    await page.focus('.timeline');
    await page.keyboard.press('End');
    await page.waitForSelector('[data-row-id="s50000.0"][aria-selected="true"]');
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-row-id="s1"][aria-selected="true"]');
    expect(await rowsInDom()).toBeLessThan(120);
    await harness.screenshot(page, 'timeline-50k');
  }, 180_000);
});
