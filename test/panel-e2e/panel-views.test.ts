import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/launch-chromium.js';
import { clickButton, rowIdOf, textOf, waitForText } from './page-actions.js';
import {
  readTimelineRows,
  repoRoot,
  startPanelHarness,
  type PanelHarness,
} from './panel-harness.js';

const shopPlanPath = join(repoRoot, 'test/fixtures/plans/tagwarden/shop.yaml');

describe.runIf(existsSync(chromiumPath))('the QA panel on a captured shop session', () => {
  let harness: PanelHarness;
  let page: Page;
  const panelPath = () => `src/panel/panel.html?tabId=${harness.session.tabId}`;
  const shot = async (target: Page, name: string) => {
    const path = await harness.screenshot(target, name);
    expect(statSync(path).size).toBeGreaterThan(5_000);
  };

  beforeAll(async () => {
    harness = await startPanelHarness();
    page = await harness.openExtensionPage(panelPath());
    await harness.chromium.browser
      .defaultBrowserContext()
      .overridePermissions(`chrome-extension://${harness.chromium.extensionId}`, [
        'clipboard-read',
        'clipboard-write',
        'clipboard-sanitized-write',
      ]);
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.waitForSelector('[data-row-id]');
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  }, 60_000);

  it('shows the session under its page and its SPA route, each row with lane, status, time and key parameters', async () => {
    await waitForText(page, '.timeline', 'generate_lead');
    const headings = await page.$$eval('.page-heading', (elements) =>
      elements.map((element) => (element as HTMLElement).innerText),
    );
    expect(headings[0]).toMatch(/^Page\s+http:\/\/127\.0\.0\.1:\d+\/shop\.html/);
    expect(headings[1]).toMatch(/^Route\s+http:\/\/127\.0\.0\.1:\d+\/checkout\/thanks/);

    const rows = await readTimelineRows(page);
    const purchase = rows
      .filter((row) => row.name === 'purchase')
      .map((row) => `${row.layer}:${row.status}:${row.icon}`);
    expect(purchase).toEqual([
      'datalayer:invalid:invalid',
      'ga4:valid:valid',
      'sgtm:invalid:invalid',
      'mirror:invalid:invalid',
    ]);
    const viewItem = rows.find((row) => row.layer === 'ga4' && row.name === 'view_item');
    expect(viewItem?.text).toMatch(
      /\d\d:\d\d:\d\d\.\d{3}GA4view_item G-PANEL0001value=20 · currency=USD · items=\[1\]/,
    );
    expect(rows.find((row) => row.layer === 'vendor')?.text).toContain('Purchase 1234567890');
    expect(await textOf(page, '.summary')).toMatch(/\d+ events/);
    await shot(page, 'timeline-light');
  }, 60_000);

  it('shows markup a page pushed as text, never as HTML', async () => {
    const rows = await readTimelineRows(page);
    expect(rows.map((row) => row.name)).toContain('<img src=x onerror=alert(1)>');
    await page.click(`[data-row-id="${await rowIdOf(page, 'datalayer', 'select_promotion')}"]`);
    await waitForText(page, '.detail-view', 'promotion_name');
    expect(await textOf(page, '.detail-view')).toContain(
      '"<img src=x onerror=\\"document.title=\'pwned\'\\">"',
    );
    expect(await page.$$eval('img', (images) => images.length)).toBe(0);
    expect(await page.title()).toBe('tagwarden');
  }, 60_000);

  it('opens the detail of a GA4 hit: labelled fields, items, consent, the raw request, copy as cURL', async () => {
    await page.click(`[data-row-id="${await rowIdOf(page, 'ga4', 'purchase')}"]`);
    await waitForText(page, '.detail-view', 'Event parameters');
    const detail = await textOf(page, '.detail-view');
    expect(detail).toMatch(/Measurement ID\s+tid\s+G-PANEL0001/);
    expect(detail).toMatch(/transaction_id\s+ep\.transaction_id\s+T-1001/);
    expect(detail).toMatch(/Items \(1\)[\s\S]*SKU_1\s+Stan and Friends Tee\s+10\s+2/);
    expect(detail).toMatch(/analytics_storage[^\n]*granted/);
    expect(detail).toContain(
      'POST https://region1.google-analytics.com/g/collect?v=2&tid=G-PANEL0001',
    );
    // The hit to Google and its server-side twin leave in either order; the copy is Google's.
    expect(detail).toMatch(/dataLayer push\s+GA4 \/ sGTM hit\s+Warehouse mirror/);
    expect(detail).toMatch(/✓\s+GA4\s+purchase\s+\+\d+ ms\s+✕\s+Mirror\s+purchase/);
    expect(detail).toMatch(/✕\s+sGTM\s+purchase\s+\+\d+ ms\s+no copy/);

    await clickButton(page, 'Copy as cURL', '.detail-view');
    await waitForText(page, '.detail-view', 'cURL copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      /^curl 'https:\/\/region1\.google-analytics\.com\/g\/collect\?v=2&tid=G-PANEL0001[^']*en=purchase[^']*' -X 'POST'$/,
    );
    await clickButton(page, 'Copy as JSON', '.detail-view');
    await waitForText(page, '.detail-view', 'JSON copied');
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toMatchObject({
      name: 'purchase',
      layer: 'ga4',
      status: 'valid',
    });
  }, 60_000);

  it('marks the path of each violation in the payload, and the keys asked to be highlighted', async () => {
    await page.type('input[aria-label="Keys to highlight"]', 'transaction_id');
    await page.click(`[data-row-id="${await rowIdOf(page, 'datalayer', 'purchase')}"]`);
    await waitForText(page, '.detail-view', 'pii_suspected');
    await clickButton(page, '/user_email', '.detail-view');
    const marked = await page.$$eval('.json-marked[data-path]', (elements) =>
      elements.map((element) => element.getAttribute('data-path')),
    );
    expect(marked).toEqual(['/user_email']);
    expect(await textOf(page, '.json-marked[data-path="/user_email"]')).toContain(
      'jane.doe@example.com',
    );
    expect(
      await page.$$eval('.json-chosen-key', (elements) =>
        elements.map((element) => element.textContent),
      ),
    ).toContain('"transaction_id"');
    expect(await textOf(page, '.detail-view')).toMatch(
      /Personal data suspected\s+email at \/user_email/,
    );
    await shot(page, 'detail');
  }, 60_000);

  it('moves through the timeline with the arrow keys, opens the detail with Enter, and focuses search with /', async () => {
    await clickButton(page, 'Close', '.detail-view');
    await page.focus('.timeline');
    await page.keyboard.press('Home');
    const first = await page.$eval('.row[aria-selected="true"]', (element) =>
      element.getAttribute('data-row-id'),
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const third = await page.$eval('.row[aria-selected="true"]', (element) =>
      element.getAttribute('data-row-id'),
    );
    const ids = (await readTimelineRows(page)).map((row) => row.id);
    expect([ids.indexOf(first ?? ''), ids.indexOf(third ?? '')]).toEqual([0, 2]);
    expect(await page.$('.detail-view')).toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.detail-view');
    await page.focus('.timeline');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('.detail-view') === null);
    await page.keyboard.press('/');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Search rows',
    );
  }, 60_000);

  it('filters by text, lane, status and personal data', async () => {
    await page.type('input[aria-label="Search rows"]', 'T-1001');
    await page.waitForFunction(() => document.querySelectorAll('[data-row-id]').length === 4);
    expect((await readTimelineRows(page)).map((row) => `${row.layer} ${row.name}`)).toEqual([
      'datalayer purchase',
      'ga4 purchase',
      'sgtm purchase',
      'mirror purchase',
    ]);
    await clickButton(page, 'Mirror', '.filter-bar');
    await page.waitForFunction(() => document.querySelectorAll('[data-row-id]').length === 1);
    await shot(page, 'filters');
    await clickButton(page, 'Mirror', '.filter-bar');
    await page.$eval('input[aria-label="Search rows"]', (input) => {
      (input as HTMLInputElement).value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await clickButton(page, 'invalid', '.filter-bar');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-row-id]')).every(
        (row) => row.getAttribute('data-status') === 'invalid',
      ),
    );
    expect((await readTimelineRows(page)).length).toBeGreaterThanOrEqual(5);
    await clickButton(page, 'invalid', '.filter-bar');
    await page.click('.filter-bar input[type="checkbox"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-row-id]').length === 1);
    expect((await readTimelineRows(page))[0]?.name).toBe('purchase');
    await page.click('.filter-bar input[type="checkbox"]');
    await page.select('select[aria-label="Vendor"]', 'Meta pixel');
    await page.waitForFunction(() => document.querySelectorAll('[data-row-id]').length === 1);
    await page.select('select[aria-label="Vendor"]', '');
  }, 60_000);

  it('links each push to its hits and their mirror copies, and shows what is missing or differs', async () => {
    await clickButton(page, 'Lineage', '.tabs');
    await waitForText(page, '.finding-chips', 'mirror differs from the GA4 hit: 1');
    const chips = await textOf(page, '.finding-chips');
    expect(chips).toMatch(/pushed, never sent: [1-9]/);
    expect(chips).toContain('hit without a push: 2');
    expect(chips).toContain('sent to GA4, not mirrored: 3');
    await clickButton(page, 'mirror differs', '.finding-chips');
    await page.waitForFunction(() => document.querySelectorAll('.lineage-line').length === 1);
    const line = await textOf(page, '.lineage-line');
    expect(line).toMatch(/purchase[\s\S]*purchase[\s\S]*purchase[\s\S]*mirror differs/);
    await page.click('.lineage-line');
    await waitForText(page, '.detail-view', '/params/value');
    expect(await textOf(page, 'table.diff')).toMatch(
      /\/params\/value\s+20 \(number\)\s+"20" \(text\)/,
    );
    await shot(page, 'lineage');
    await clickButton(page, 'mirror differs', '.finding-chips');
  }, 60_000);

  it('shows coverage by page or journey step, one lane per layer, with what was never seen', async () => {
    await clickButton(page, 'Coverage', '.tabs');
    await page.waitForSelector('tr[data-event="purchase"]');
    expect(await textOf(page, 'tr[data-event="purchase"]')).toMatch(
      /DL 1[\s\S]*GA4 1[\s\S]*sGTM 1[\s\S]*WH 1/,
    );
    expect(await textOf(page, 'tr[data-event="add_to_cart"]')).toMatch(/never seen: GA4, sGTM, WH/);
    await page.click('.coverage-settings summary');
    await page.select('.coverage-settings select', 'journey');
    await page.type(
      'textarea[aria-label="Coverage columns"]',
      'Product = /shop.html\nThank you = /checkout/*',
    );
    await clickButton(page, 'Save columns', '.coverage-settings');
    await waitForText(page, 'table.coverage thead', '2. Thank you');
    expect(await textOf(page, 'table.coverage thead')).toMatch(
      /1\. Product\s+2\. Thank you\s+other pages\s+total\s+consent at fire time/,
    );
    expect(await textOf(page, 'tr[data-event="purchase"]')).toMatch(/granted \d/);
    await shot(page, 'coverage');
  }, 60_000);

  it('shows the consent timeline', async () => {
    await clickButton(page, 'Consent', '.tabs');
    await waitForText(page, '.consent-view', 'gtag consent update');
    const text = await textOf(page, '.consent-view table');
    expect(text).toMatch(/gtag consent default\s+denied\s+denied/);
    expect(text).toMatch(/gtag consent update\s+granted\s+granted/);
    await shot(page, 'consent');
  }, 60_000);

  it('loads a plan per site from a file, a paste or a URL, shows plan errors in place, and judges the session again', async () => {
    await clickButton(page, 'Plans', '.tabs');
    await waitForText(page, '.plans-view', 'bundled ga4-recommended');
    const input = await page.$('input[aria-label="Plan file"]');
    await input?.uploadFile(shopPlanPath);
    await waitForText(page, '.toolbar', 'plan: shop-web (shop.yaml)');
    await clickButton(page, 'Timeline', '.tabs');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-row-id]')).some(
        (row) =>
          row.querySelector('.name')?.firstChild?.textContent === 'select_promotion' &&
          row.getAttribute('data-status') === 'unplanned',
      ),
    );

    await clickButton(page, 'Plans', '.tabs');
    await page.type(
      'textarea[aria-label="Pasted plan"]',
      'events:\n  purchase:\n    required: [value\n',
    );
    await clickButton(page, 'Use the pasted plan', '.plans-view');
    await waitForText(page, '.plan-errors', 'pasted plan:');
    expect(await textOf(page, '.plan-errors')).toMatch(/pasted plan:\d+:\d+/);
    expect(await textOf(page, '.plan-errors .excerpt')).toMatch(/required: \[value[\s\S]*\^/);
    expect(await textOf(page, '.toolbar')).toContain('plan: shop-web (shop.yaml)');
    await shot(page, 'plans');

    harness.site.serveText(
      '/plans/shop.yaml',
      await import('node:fs').then((fs) => fs.readFileSync(shopPlanPath, 'utf8')),
    );
    await page.type('input[aria-label="Plan URL"]', `${harness.site.origin}/plans/shop.yaml`);
    await clickButton(page, 'Load from URL', '.plans-view');
    await waitForText(page, '.toolbar', `plan: shop-web (${harness.site.origin}/plans/shop.yaml)`);
    await clickButton(page, 'Use the bundled', '.plans-view');
    await waitForText(page, '.toolbar', 'plan: ga4-recommended');
  }, 60_000);

  it('switches between light and dark themes, and follows the system in auto', async () => {
    await clickButton(page, 'Timeline', '.tabs');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await background()).toBe('rgb(20, 23, 28)');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await clickButton(page, 'Theme: auto', '.toolbar');
    await clickButton(page, 'Theme: light', '.toolbar');
    await waitForText(page, '.toolbar', 'Theme: dark');
    expect(await background()).toBe('rgb(20, 23, 28)');
    await shot(page, 'timeline-dark');
    await page.click(`[data-row-id="${await rowIdOf(page, 'mirror', 'purchase')}"]`);
    await waitForText(page, '.detail-view', 'mirror-differs');
    await shot(page, 'detail-dark');
    await clickButton(page, 'Theme: dark', '.toolbar');
    await waitForText(page, '.toolbar', 'Theme: auto');
  }, 60_000);

  it('gives a one-glance status in the popup', async () => {
    const popup = await harness.openExtensionPage(
      `src/popup/popup.html?tabId=${harness.session.tabId}`,
      { width: 360, height: 420 },
    );
    await waitForText(popup, '.popup', 'pushes');
    const text = await textOf(popup, '.popup');
    expect(text).toContain(
      `${harness.session.pushes.length} pushes · ${harness.session.hits.length} hits · plan ga4-recommended`,
    );
    expect(text).toMatch(/✕\s*[1-9]\d* invalid/);
    expect(text).toMatch(/\d+ lineage problems/);
    await shot(popup, 'popup');
    await popup.close();
  }, 60_000);

  it('works as a side panel without DevTools, following the active tab', async () => {
    const side = await harness.openExtensionPage('src/sidepanel/sidepanel.html', {
      width: 420,
      height: 820,
    });
    await side.waitForSelector('.vl-empty');
    await harness.shopPage.bringToFront();
    await side.bringToFront();
    await side.waitForSelector('[data-row-id]', { timeout: 10_000 });
    expect(await side.$eval('.app', (element) => element.classList.contains('narrow'))).toBe(true);
    expect((await readTimelineRows(side)).some((row) => row.name === 'purchase')).toBe(true);
    await shot(side, 'sidepanel');
    await side.close();
  }, 60_000);
});
