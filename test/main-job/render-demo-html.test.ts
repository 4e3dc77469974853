import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemoResult } from '../../cli/commands/demo/demo-result.js';
import { renderDemoHtml } from '../../cli/commands/demo/render-demo-html.js';

function resultNamed(name: string, page = 'http://127.0.0.1/'): DemoResult {
  return {
    journey: name,
    browser: 'headless',
    shopUrl: page,
    collectorUrl: page,
    counts: {
      dataLayerPushes: 1,
      dataLayerEvents: 1,
      ga4Hits: 1,
      ga4Events: 1,
      mirrorEvents: 0,
      warehouseRows: 1,
    },
    check: {
      plan: { name: 'ga4-recommended', format: 'tagwarden' },
      inputs: [],
      summary: {
        events: 1,
        valid: 0,
        invalid: 1,
        unplanned: 0,
        violations: { error: 1, warning: 0, info: 0 },
      },
      events: [
        {
          name,
          layer: 'ga4',
          status: 'invalid',
          violations: [
            {
              code: 'missing_required',
              path: `/${name}`,
              message: `${name} is missing`,
              severity: 'error',
            },
          ],
          source: { file: 'x' },
          page,
        },
      ],
      otherBeacons: [],
      auxiliary: [],
      unrecognised: 0,
      missing: [{ name, layers: ['ga4'] }],
      inputErrors: [],
    },
    gaps: [{ kind: 'hit-without-push', layer: 'ga4', name, time: 0, reason: name }],
    consent: {
      hitsByState: { granted: 0, denied: 1, unset: 0, unknown: 0 },
      deniedHits: [
        {
          name,
          time: 0,
          page,
          gcs: name,
          adStorage: 'denied',
          isBeforeGrant: true,
          isMirrored: false,
        },
      ],
      mirror: { copies: 0, deniedCopies: 0, deniedCopiesWithIdentifiers: 0, verdict: 'no-mirror' },
    },
    warehouse: {
      file: 'w.duckdb',
      total: 1,
      rows: [
        {
          eventTime: '',
          eventName: name,
          source: name,
          transactionId: name,
          value: null,
          currency: null,
        },
      ],
    },
    notices: [name],
  } as DemoResult;
}

describe('the demo HTML report', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['</td><script>alert(1)</script>', '&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["add_to_cart' &", 'add_to_cart&#39; &amp;'],
  ])('renders the page-supplied name %s as text', (name, escaped) => {
    const html = renderDemoHtml(resultNamed(name, `http://127.0.0.1/?q=${name}`));
    expect(html).toContain(escaped);
    expect(html).not.toContain(name);
  });

  it('never lets a page value open a tag or an attribute of its own (fuzzed)', () => {
    const clean = renderDemoHtml(resultNamed('x'));
    const tagsOf = (html: string) => html.match(/<[a-z!/][^>]*>/gi)?.length ?? 0;
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, page) => {
        const html = renderDemoHtml(resultNamed(name, page));
        expect(tagsOf(html)).toBe(tagsOf(clean));
      }),
    );
  });
});
