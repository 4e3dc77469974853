import type { CDPSession, Page } from 'puppeteer-core';
import { launchChromium } from '../test/browser/launch-chromium.js';

/** A change a tester makes in the filter bar, as the bench makes it in the page. */
export type FilterAction =
  | { kind: 'search'; text: string }
  | { kind: 'chip'; group: 'Layers' | 'Status'; label: string }
  | { kind: 'pii-only' };

/** What the first search after an import looks for. */
export const FIRST_SEARCH = 'purchase';

export interface BrowserFilterTiming {
  name: string;
  action: FilterAction;
  /** Applying the filter: from the input event to the list updated and laid out, in ms. */
  apply: number[];
  /** Taking it off again, back to every row. */
  clear: number[];
  /** Rows the filter let through, from the filter bar's count. */
  shown: number;
}

export interface BrowserPanelResult {
  /** From the file input's change to the first rows in the DOM and laid out, in ms. */
  importToFirstRows: number[];
  /** From the same change to the frame after it (the rows on screen), in ms. */
  importToFirstFrame: number[];
  /** The first search after an import, once the page is quiet (search text prepared), in ms. */
  firstSearch: number[];
  /** The first search made the moment the rows appear, before any text is prepared. */
  firstSearchUnprepared: number[];
  filters: BrowserFilterTiming[];
  /** Rows in the DOM at the top, the middle and the end of the list, and at most when filtered. */
  domRows: { top: number; middle: number; end: number; filtered: number };
  /** The total the filter bar reports, which must be every row. */
  totalRows: number;
  /** JS heap of the panel page after garbage collection, empty and with the session, in bytes. */
  heap: { empty: number; loaded: number };
}

export interface BrowserPanelOptions {
  extensionDir: string;
  sessionFile: string;
  importRuns: number;
  filterRuns: number;
  filters: ReadonlyArray<{ name: string; action: FilterAction }>;
}

/**
 * The real panel page of the built extension in headless Chromium, fed a session file
 * through its Import control (the same path as a tester importing an export): how long until
 * the first rows are there, how long each filter takes to re-render, how many rows the DOM
 * holds wherever the list is scrolled, and the page's heap before and after.
 */
export async function measurePanelInBrowser(
  options: BrowserPanelOptions,
): Promise<BrowserPanelResult> {
  const chromium = await launchChromium({ extensionDir: options.extensionDir });
  const panelUrl = `chrome-extension://${chromium.extensionId}/src/panel/panel.html`;
  const result: BrowserPanelResult = {
    importToFirstRows: [],
    importToFirstFrame: [],
    firstSearch: [],
    firstSearchUnprepared: [],
    filters: options.filters.map(({ name, action }) => ({
      name,
      action,
      apply: [],
      clear: [],
      shown: 0,
    })),
    domRows: { top: 0, middle: 0, end: 0, filtered: 0 },
    totalRows: 0,
    heap: { empty: 0, loaded: 0 },
  };
  try {
    for (let run = 0; run < options.importRuns; run++) {
      const page = await chromium.browser.newPage();
      await page.setViewport({ width: 1400, height: 900 });
      await page.goto(panelUrl);
      const isLast = run === options.importRuns - 1;
      await measureImport(page, options.sessionFile, result, isLast);
      if (isLast) await measureFilters(page, options.filterRuns, result);
      await page.close();
    }
  } finally {
    await chromium.close();
  }
  return result;
}

async function measureImport(
  page: Page,
  sessionFile: string,
  result: BrowserPanelResult,
  isLast: boolean,
): Promise<void> {
  const input = await page.waitForSelector('input[aria-label="Import a HAR or session file"]');
  const cdp = await page.createCDPSession();
  const empty = await heapAfterGc(cdp);
  await page.evaluate(watchForFirstRows);
  await input?.uploadFile(sessionFile);
  const times = (await (
    await page.waitForFunction(() => (window as unknown as BenchWindow).benchFirstFrame, {
      timeout: 600_000,
      polling: 50,
    })
  ).jsonValue()) as { rows: number; frame: number };
  result.importToFirstRows.push(times.rows);
  result.importToFirstFrame.push(times.frame);
  if (!isLast) {
    // Right away, before the panel starts preparing search text in the background.
    const search = await applyAndTime(page, { kind: 'search', text: FIRST_SEARCH });
    result.firstSearchUnprepared.push(search.updated);
    return;
  }

  result.totalRows = Number(/of (\d+) rows/.exec(await statusText(page))?.[1] ?? NaN);
  await waitForQuietPage(page);
  result.heap = { empty, loaded: await heapAfterGc(cdp) };
  result.domRows = await countRowsWhileScrolling(page);
  const search = await applyAndTime(page, { kind: 'search', text: FIRST_SEARCH });
  result.firstSearch.push(search.updated);
  await applyAndTime(page, { kind: 'search', text: '' });
}

/** Filters applied and cleared in turn, each timed; the DOM rows stay bounded throughout. */
async function measureFilters(page: Page, runs: number, result: BrowserPanelResult): Promise<void> {
  for (let run = 0; run < runs; run++) {
    for (const filter of result.filters) {
      const applied = await applyAndTime(page, filter.action);
      filter.apply.push(applied.updated);
      filter.shown = applied.shown;
      result.domRows.filtered = Math.max(result.domRows.filtered, applied.rowsInDom);
      filter.clear.push((await applyAndTime(page, clearingOf(filter.action))).updated);
    }
  }
}

function clearingOf(action: FilterAction): FilterAction {
  return action.kind === 'search' ? { kind: 'search', text: '' } : action;
}

interface BenchWindow {
  benchFirstFrame?: { rows: number; frame: number };
}

// Runs in the page: notes when the Import control fires, when the first row enters the DOM
// (forcing layout there, so layout is counted) and the frame after that.
function watchForFirstRows(): void {
  const input = document.querySelector('input[aria-label="Import a HAR or session file"]');
  let startedAt = 0;
  input?.addEventListener('change', () => (startedAt = performance.now()), { capture: true });
  const observer = new MutationObserver(() => {
    if (startedAt === 0 || document.querySelector('[data-row-id]') === null) return;
    observer.disconnect();
    document.querySelector('.timeline')?.getBoundingClientRect();
    const rows = performance.now() - startedAt;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const frame = performance.now() - startedAt;
        (window as unknown as BenchWindow).benchFirstFrame = { rows, frame };
      }),
    );
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

/**
 * Runs in the page: makes the change as the filter bar's own handlers receive it, then
 * waits one task (Preact renders in the microtask after the event) and forces layout.
 */
async function applyAndTime(
  page: Page,
  action: FilterAction,
): Promise<{ updated: number; shown: number; rowsInDom: number }> {
  return page.evaluate(async (change: FilterAction) => {
    const began = performance.now();
    if (change.kind === 'search') {
      const search = document.querySelector<HTMLInputElement>('input[aria-label="Search rows"]');
      if (search === null) throw new Error('the panel has no search box');
      search.value = change.text;
      search.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (change.kind === 'chip') {
      const buttons = document.querySelectorAll<HTMLButtonElement>(
        `[aria-label="${change.group}"] button`,
      );
      const chip = Array.from(buttons).find((button) => button.textContent === change.label);
      if (chip === undefined) throw new Error(`the panel has no ${change.label} chip`);
      chip.click();
    } else {
      const box = document.querySelector<HTMLInputElement>('.filter-bar input[type="checkbox"]');
      if (box === null) throw new Error('the panel has no PII checkbox');
      box.click();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.querySelector('.timeline')?.getBoundingClientRect();
    const updated = performance.now() - began;
    const status = document.querySelector('.filter-bar [role="status"]')?.textContent ?? '';
    return {
      updated,
      shown: Number(/^(\d+) of/.exec(status)?.[1] ?? NaN),
      rowsInDom: document.querySelectorAll('[data-row-id]').length,
    };
  }, action);
}

async function countRowsWhileScrolling(page: Page): Promise<BrowserPanelResult['domRows']> {
  const countAt = (share: number) =>
    page.evaluate(async (fraction: number) => {
      const list = document.querySelector('.timeline');
      if (list === null) return NaN;
      list.scrollTop = (list.scrollHeight - list.clientHeight) * fraction;
      list.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return document.querySelectorAll('[data-row-id]').length;
    }, share);
  const domRows = {
    top: await countAt(0),
    middle: await countAt(0.5),
    end: await countAt(1),
    filtered: 0,
  };
  await countAt(0);
  return domRows;
}

/**
 * Waits until the page's main thread has been free for 100 ms running: a message it posts to
 * itself keeps coming straight back. The panel prepares search text in 8 ms slices, starting
 * 300 ms after the rows change, so the wait begins after that pause and any slice restarts it.
 */
async function waitForQuietPage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const channel = new MessageChannel();
    const hop = () =>
      new Promise<number>((resolve) => {
        const began = performance.now();
        channel.port1.onmessage = () => resolve(performance.now() - began);
        channel.port2.postMessage(null);
      });
    await new Promise((resolve) => setTimeout(resolve, 400));
    let quietSince = performance.now();
    while (performance.now() - quietSince < 100) {
      if ((await hop()) > 2) quietSince = performance.now();
    }
  });
}

function statusText(page: Page): Promise<string> {
  return page.$eval('.filter-bar [role="status"]', (element) => element.textContent ?? '');
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}
