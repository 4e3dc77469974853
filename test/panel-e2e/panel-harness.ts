import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { TabSession } from '../../extension/src/common/session-types.js';
import {
  launchChromiumWithExtension,
  waitUntil,
  type ChromiumWithExtension,
} from '../extension-e2e/chromium-extension.js';
import { servePanelSite, type PanelSite } from './serve-panel-site.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const screenshotDir = join(repoRoot, '.tmp', 'screenshots');

/** Hosts the shop page sends to that the test answers itself: nothing leaves the machine. */
const ANSWERED_HOSTS = /^https:\/\/(region1\.google-analytics\.com|www\.facebook\.com)\//;

export interface PanelHarness {
  chromium: ChromiumWithExtension;
  site: PanelSite;
  shopPage: Page;
  session: TabSession;
  /** Opens an extension page (`src/panel/panel.html?tabId=…`) in a tab of the given size. */
  openExtensionPage(path: string, size?: { width: number; height: number }): Promise<Page>;
  /** Saves a screenshot to `.tmp/screenshots/<name>.png` and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Waits for a download begun after `after` whose name ends in `extension`; its path. */
  waitForDownload(extension: string, after: number): Promise<string>;
  /** How many downloads have begun so far. */
  downloads(): number;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension, the shop page captured in one tab (its GA4 and pixel
 * requests answered by the test, its server-container and mirror hits by the local
 * collector), and the helpers every panel test needs.
 */
export async function startPanelHarness(): Promise<PanelHarness> {
  const site = await servePanelSite();
  const chromium = await launchChromiumWithExtension();
  const downloadDir = mkdtempSync(join(tmpdir(), 'tagwarden-downloads-'));
  const connection = await chromium.browser.target().createCDPSession();
  // Files are saved under the download's GUID, so two exports of one name never collide.
  await connection.send('Browser.setDownloadBehavior', {
    behavior: 'allowAndName',
    downloadPath: downloadDir,
    eventsEnabled: true,
  });
  const begun: Array<{ guid: string; name: string }> = [];
  const completed = new Set<string>();
  connection.on('Browser.downloadWillBegin', (event) =>
    begun.push({ guid: event.guid, name: event.suggestedFilename }),
  );
  connection.on('Browser.downloadProgress', (event) => {
    if (event.state === 'completed') completed.add(event.guid);
  });
  mkdirSync(screenshotDir, { recursive: true });

  const shopPage = await chromium.browser.newPage();
  await shopPage.setRequestInterception(true);
  shopPage.on('request', (request) => {
    if (ANSWERED_HOSTS.test(request.url())) void request.respond({ status: 204, body: '' });
    else void request.continue();
  });
  await shopPage.goto(`${site.origin}/shop.html`);
  await shopPage.waitForFunction(() => document.body?.dataset['journey'] === 'done', {
    timeout: 15_000,
  });
  // Chrome may stop an idle service worker; an extension page asking for a session wakes it.
  let waker: Page | undefined;
  const readSession = async () => {
    try {
      return (await chromium.sessionFor((url) => url.startsWith(site.origin))) ?? null;
    } catch (error) {
      waker ??= await chromium.browser.newPage();
      await waker.goto(`chrome-extension://${chromium.extensionId}/src/popup/popup.html?tabId=1`);
      throw error;
    }
  };
  const hasJourney = (value: TabSession | null) =>
    value !== null && value.hits.length >= 6 && value.pushes.length >= 10;
  let session = (await waitUntil(
    'the shop session',
    readSession,
    hasJourney,
    30_000,
  )) as TabSession;
  // The network's answers follow; verdicts do not depend on them, so a slow one is no failure.
  session = (await waitUntil(
    'the network to answer every hit',
    readSession,
    (value) => hasJourney(value) && value?.hits.every((hit) => hit.state !== 'pending') === true,
    10_000,
  ).catch(() => session)) as TabSession;
  await waker?.close();

  return {
    chromium,
    site,
    shopPage,
    session,
    async openExtensionPage(path, size = { width: 1400, height: 900 }) {
      const page = await chromium.browser.newPage();
      await page.setViewport(size);
      await page.goto(`chrome-extension://${chromium.extensionId}/${path}`);
      return page;
    },
    async screenshot(page, name) {
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async waitForDownload(extension, after) {
      const download = await waitUntil(
        `a downloaded ${extension} file`,
        async () =>
          begun
            .slice(after)
            .find((entry) => entry.name.endsWith(extension) && completed.has(entry.guid)) ?? null,
        (entry) => entry !== null,
      );
      return join(downloadDir, download?.guid ?? '');
    },
    downloads: () => begun.length,
    async close() {
      await connection.detach().catch(() => undefined);
      await chromium.close();
      await site.close();
      if (existsSync(downloadDir)) rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/** The rows the timeline shows, as the DOM holds them (the windowed part only). */
export function readTimelineRows(page: Page) {
  return page.$$eval('[data-row-id]', (elements) =>
    elements.map((element) => ({
      id: element.getAttribute('data-row-id') ?? '',
      status: element.getAttribute('data-status') ?? '',
      layer: element.getAttribute('data-layer') ?? '',
      name: element.querySelector('.name')?.firstChild?.textContent ?? '',
      icon: element.querySelector('.status-icon')?.getAttribute('aria-label') ?? '',
      text: element.textContent ?? '',
    })),
  );
}
