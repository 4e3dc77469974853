import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeCrawlUrl,
  type CrawlScope,
} from '../../cli/commands/audit/normalize-crawl-url.js';

const page = 'http://127.0.0.1:8080/products/socks?colour=grey';
const sameOrigin: CrawlScope = { origins: new Set(['http://127.0.0.1:8080']), isSameOrigin: true };
const anyOrigin: CrawlScope = { ...sameOrigin, isSameOrigin: false };

describe('normalizeCrawlUrl', () => {
  it.each([
    ['/cart', 'http://127.0.0.1:8080/cart'],
    ['../checkout', 'http://127.0.0.1:8080/checkout'],
    ['beanie', 'http://127.0.0.1:8080/products/beanie'],
    ['/cart#summary', 'http://127.0.0.1:8080/cart'],
    ['#reviews', 'http://127.0.0.1:8080/products/socks?colour=grey'],
    ['?colour=red', 'http://127.0.0.1:8080/products/socks?colour=red'],
    ['HTTP://127.0.0.1:8080/Cart', 'http://127.0.0.1:8080/Cart'],
  ])('follows %s on the same origin as %s', (href, expected) => {
    expect(normalizeCrawlUrl(href, page, sameOrigin)).toBe(expected);
  });

  it.each([
    ['another port', 'http://127.0.0.1:8081/cart'],
    ['another scheme', 'https://127.0.0.1:8080/cart'],
    ['localhost for 127.0.0.1', 'http://localhost:8080/cart'],
    ['a mail link', 'mailto:shop@example.com'],
    ['a script link', 'javascript:void(0)'],
    ['a data URL', 'data:text/html,<p>hi</p>'],
    ['a file URL', 'file:///etc/passwd'],
    ['an unparsable address', 'http://[::1'],
  ])('does not follow %s under same-origin crawling', (_name, href) => {
    expect(normalizeCrawlUrl(href, page, sameOrigin)).toBeUndefined();
  });

  it('follows other http(s) origins only under --any-origin, never other schemes', () => {
    expect(normalizeCrawlUrl('https://example.com/a#b', page, anyOrigin)).toBe(
      'https://example.com/a',
    );
    expect(normalizeCrawlUrl('ftp://example.com/a', page, anyOrigin)).toBeUndefined();
  });

  it('never throws and never pollutes Object.prototype, whatever a page links to', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (href, isSameOrigin) => {
        const result = normalizeCrawlUrl(href, page, { ...sameOrigin, isSameOrigin });
        if (result !== undefined) {
          expect(result).toMatch(/^https?:\/\//);
          expect(result).not.toContain('#');
        }
        expect(Object.prototype).toEqual({});
      }),
      { numRuns: 500 },
    );
  });
});
