/** What the crawler may follow from a page. */
export interface CrawlScope {
  /** Origins of the start URLs; with `isSameOrigin`, links elsewhere are not followed. */
  origins: ReadonlySet<string>;
  isSameOrigin: boolean;
}

/**
 * The URL a link leads to, as the crawler keys it: resolved against the page, without its
 * fragment (`/a#top` and `/a` are one page), or undefined when the link is not a web page in
 * scope (`mailto:`, `javascript:`, another origin under same-origin crawling, unparsable text).
 */
export function normalizeCrawlUrl(
  href: string,
  base: string,
  scope: CrawlScope,
): string | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (scope.isSameOrigin && !scope.origins.has(url.origin)) return undefined;

  url.hash = '';
  return url.href;
}
