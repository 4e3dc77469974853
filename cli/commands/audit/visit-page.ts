import type { Page } from 'puppeteer-core';

/** How long a page may keep sending after `load`: the batching delays of gtag (a few hundred ms). */
export const SETTLE_MS = 1_500;

export type PageVisit = { ok: true; links: string[] } | { ok: false; reason: string };

/**
 * Opens `url` in the tab, waits for `load` and then a short settle so the page's batched
 * beacons leave, and returns every `<a href>` of the page as the browser resolved it.
 * A page that fails to load comes back as a reason, never as an exception.
 */
export async function visitPage(page: Page, url: string, timeoutMs: number): Promise<PageVisit> {
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    if (response && response.status() >= 400)
      return { ok: false, reason: `HTTP ${response.status()}` };
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const links = await page.$$eval('a[href]', (anchors) =>
      anchors.map((anchor) => (anchor as HTMLAnchorElement).href),
    );
    return { ok: true, links };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
