import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../cli/commands/audit/audit-result.js';
import { createProgress } from '../../cli/commands/audit/create-progress.js';
import { renderAuditHtml } from '../../cli/commands/audit/render-audit-html.js';
import { renderAuditReport } from '../../cli/commands/audit/render-audit-report.js';

const hostile = 'http://127.0.0.1:8080/<script>alert(1)</script>?q="x"|y';

function auditWith(url: string, eventName: string): AuditResult {
  return {
    mode: 'crawl',
    startUrls: ['http://127.0.0.1:8080/'],
    journeys: [],
    pages: [{ url, reachedBy: 'crawl', pushes: 3, hits: 1, events: 2, invalidEvents: 1 }],
    failures: [{ url: `${url}/gone`, reason: 'HTTP 404' }],
    notices: [],
    check: {
      plan: { name: 'ga4-recommended', format: 'tagwarden' },
      inputs: ['extension tab 7 (crawl)'],
      summary: {
        events: 1,
        valid: 0,
        invalid: 1,
        unplanned: 0,
        violations: { error: 1, warning: 0, info: 0 },
      },
      events: [
        {
          name: eventName,
          layer: 'ga4',
          status: 'invalid',
          violations: [
            {
              code: 'missing_required',
              path: '/items',
              severity: 'error',
              message: '"items" is required',
            },
          ],
          source: { file: 'extension tab 7', entry: 4 },
          page: url,
        },
      ],
      otherBeacons: [],
      auxiliary: [],
      unrecognised: 0,
      missing: [{ name: 'purchase', layers: ['datalayer', 'ga4'] }],
      inputErrors: [],
    },
    gaps: [{ kind: 'sent-not-mirrored', layer: 'ga4', name: eventName, time: 0, reason: url }],
    consent: {
      hitsByState: { granted: 1, denied: 1, unset: 0, unknown: 0 },
      deniedHits: [
        {
          name: eventName,
          time: 0,
          page: url,
          gcs: 'G100',
          adStorage: 'denied',
          isBeforeGrant: true,
          isMirrored: false,
        },
      ],
      mirror: { copies: 1, deniedCopies: 0, deniedCopiesWithIdentifiers: 0, verdict: 'respected' },
    },
  } as AuditResult;
}

describe('the audit reports', () => {
  const result = auditWith(hostile, '"><svg onload=alert(1)>');

  it('escapes every page-supplied value in the HTML page, which loads nothing', () => {
    const html = renderAuditHtml(result);
    expect(html).not.toMatch(/<script|<img|\bsrc=|\bhref=|@import|url\(/i);
    // The charts are inline SVG of the report's own; no tag may carry an event handler.
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(html).toContain('<code>purchase</code>');
  });

  it('keeps a URL with a pipe and markup inside one Markdown cell', () => {
    const markdown = renderAuditReport(result, 'markdown');
    const row = markdown.split('\n').find((line) => line.includes('/&lt;script&gt;'));
    expect(row).toBeDefined();
    expect(row?.split(/(?<!\\)\|/).length).toBe(8);
  });

  it('puts the pages before the check report in text, and the whole result in JSON', () => {
    const text = renderAuditReport(result, 'text');
    expect(text.indexOf('pushes  hits')).toBeLessThan(text.indexOf('tagwarden check'));
    expect(text).toContain('not loaded: http://127.0.0.1:8080/');
    expect(JSON.parse(renderAuditReport(result, 'json'))).toEqual(result);
    expect(renderAuditReport(result, 'junit')).toContain('<failure');
  });
});

describe('the audit progress', () => {
  function stream(isTTY: boolean) {
    const written: string[] = [];
    const fake = { isTTY, columns: 100, write: (text: string) => written.push(text) > 0 };
    return { fake: fake as unknown as NodeJS.WriteStream, written };
  }

  it('redraws one bar in place on a terminal', () => {
    const { fake, written } = stream(true);
    const progress = createProgress(fake, false);
    progress.page(1, 4, 'http://127.0.0.1:8080/');
    progress.page(2, 4, 'http://127.0.0.1:8080/cart');
    progress.done();
    expect(written.filter((text) => text.startsWith('\r'))).toHaveLength(2);
    expect(written.at(-1)).toBe('\n');
  });

  it('writes plain lines every few pages elsewhere, and nothing when silent', () => {
    const plain = stream(false);
    const progress = createProgress(plain.fake, false);
    for (let visited = 1; visited <= 7; visited += 1) progress.page(visited, 7, `page ${visited}`);
    expect(plain.written).toEqual([
      'tagwarden audit: 1/7 pages, last page 1\n',
      'tagwarden audit: 5/7 pages, last page 5\n',
      'tagwarden audit: 7/7 pages, last page 7\n',
    ]);
    const silent = stream(false);
    createProgress(silent.fake, true).page(1, 1, 'page 1');
    expect(silent.written).toEqual([]);
  });
});
