import type { Page } from 'puppeteer-core';
import type { AuditFailure } from './audit-result.js';
import { normalizeCrawlUrl, type CrawlScope } from './normalize-crawl-url.js';
import { visitPage } from './visit-page.js';

export interface CrawlOptions extends CrawlScope {
  maxPages: number;
  /** Link hops from a start URL: 0 visits the start URLs only. */
  maxDepth: number;
  timeoutMs: number;
  onVisit?: (visited: number, known: number, url: string) => void;
}

export interface CrawlOutcome {
  visited: string[];
  failures: AuditFailure[];
}

/**
 * Breadth-first crawl from `startUrls` in the given tabs, one page per tab at a time: every
 * page of one depth is visited before the links found on them are, and no more than
 * `maxPages` pages are ever queued, so the limits hold however wide the site is.
 */
export async function crawlSite(
  tabs: Page[],
  startUrls: string[],
  options: CrawlOptions,
): Promise<CrawlOutcome> {
  const known = new Set<string>();
  const outcome: CrawlOutcome = { visited: [], failures: [] };
  let level = enqueue(startUrls, known, options.maxPages);

  for (let depth = 0; level.length > 0; depth += 1) {
    const found = await visitLevel(tabs, level, outcome, { ...options, known });
    level = depth < options.maxDepth ? enqueue(found, known, options.maxPages) : [];
  }
  return outcome;
}

function enqueue(urls: string[], known: Set<string>, maxPages: number): string[] {
  const fresh: string[] = [];
  for (const url of urls) {
    if (known.size >= maxPages) break;
    if (known.has(url)) continue;
    known.add(url);
    fresh.push(url);
  }
  return fresh;
}

async function visitLevel(
  tabs: Page[],
  level: string[],
  outcome: CrawlOutcome,
  options: CrawlOptions & { known: Set<string> },
): Promise<string[]> {
  // Links are kept per page and joined in level order, so which pages the limit keeps does not
  // depend on which tab finished first.
  const foundOn: string[][] = level.map(() => []);
  let next = 0;
  const worker = async (tab: Page) => {
    for (let index = next++; index < level.length; index = next++) {
      const url = level[index] ?? '';
      const visit = await visitPage(tab, url, options.timeoutMs);
      outcome.visited.push(url);
      options.onVisit?.(outcome.visited.length, options.known.size, url);
      if (!visit.ok) {
        outcome.failures.push({ url, reason: visit.reason });
        continue;
      }
      for (const link of visit.links) {
        const target = normalizeCrawlUrl(link, url, options);
        if (target !== undefined) foundOn[index]?.push(target);
      }
    }
  };
  await Promise.all(tabs.map(worker));
  return foundOn.flat();
}
