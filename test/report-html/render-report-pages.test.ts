import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../cli/commands/audit/audit-result.js';
import { renderAuditHtml } from '../../cli/commands/audit/render-audit-html.js';
import type { DemoResult } from '../../cli/commands/demo/demo-result.js';
import { findConsentFindings } from '../../cli/commands/demo/find-consent-findings.js';
import { findLineageGaps } from '../../cli/commands/demo/find-lineage-gaps.js';
import { renderDemoHtml } from '../../cli/commands/demo/render-demo-html.js';
import type { SessionGa4Event, SessionLayers } from '../../cli/commands/demo/session-layers.js';
import { resolvePlan } from '../../cli/resolve-plan.js';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { CapturedPush, CapturedRequest } from '../../shared/capture/captured-input.js';
import { checkCaptures } from '../../shared/check/check-captures.js';

const GOOGLE = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-TWDEMO2025&gtm=45je5';
const MIRROR = 'http://127.0.0.1:8787/g/collect?v=2&tid=G-TWDEMO2025&tw_src=web_mirror&tw_tv=1';
const SCRIPT = '<script>alert(1)</script>';
const PAGE = 'http://127.0.0.1:8080/';
const plan = resolvePlan('ga4-recommended');

/**
 * One tab of a hostile shop, through the demo's own steps: pushes and GA4 hits (a page view
 * before consent, then an event named with a script tag carrying a markup parameter), the
 * mirror's copies, checked against the bundled plan, followed through lineage and consent.
 */
function hostileTab(eventName: string, paramValue: string): SessionLayers {
  const layers: SessionLayers = {
    pushes: [],
    pushNavigations: [],
    ga4Requests: [],
    ga4Events: [],
    mirrorEvents: [],
  };
  const push = (message: Record<string, unknown>, time: number) => {
    const record: CapturedPush = {
      kind: 'push',
      push: message,
      pageUrl: PAGE,
      time,
      source: { file: 'tab', entry: time },
    };
    layers.pushes.push(record);
    layers.pushNavigations.push(1);
  };
  const hit = (base: string, query: string, time: number) => {
    const url = `${base}&dl=${encodeURIComponent(PAGE)}&${query}`;
    const request: CapturedRequest = {
      kind: 'request',
      url,
      method: 'GET',
      time,
      source: { file: 'tab', entry: time },
    };
    const decoded = decodeRequest(request);
    const events: SessionGa4Event[] = (decoded.kind === 'ga4' ? decoded.events : []).map(
      (event) => ({ event, hitSeq: time, time, navigationId: 1 }),
    );
    if (base === MIRROR) layers.mirrorEvents.push(...events);
    else {
      layers.ga4Requests.push(request);
      layers.ga4Events.push(...events);
    }
  };
  const name = encodeURIComponent(eventName);
  const value = encodeURIComponent(paramValue);
  push({ event: 'page_view' }, 1_000);
  hit(GOOGLE, 'en=page_view&gcs=G100', 1_100);
  push({ event: eventName, note: paramValue }, 2_000);
  hit(GOOGLE, `en=${name}&gcs=G111&cid=1.2&ep.note=${value}`, 2_100);
  hit(MIRROR, `en=${name}&gcs=G111&cid=1.2&ep.note=${value}`, 2_120);
  push(
    {
      event: 'add_to_cart',
      ecommerce: { currency: 'EUR', value: 1, items: [{ item_id: 'SKU_1', price: paramValue }] },
    },
    3_000,
  );
  hit(GOOGLE, `en=add_to_cart&gcs=G111&cid=1.2&cu=${value}`, 3_100);
  return layers;
}

function demoResultOf(eventName: string, paramValue: string): DemoResult {
  const layers = hostileTab(eventName, paramValue);
  const check = checkCaptures([...layers.pushes, ...layers.ga4Requests], plan, { inputs: ['tab'] });
  return {
    journey: 'hostile shop',
    browser: 'headless',
    shopUrl: PAGE,
    collectorUrl: 'http://127.0.0.1:8787/g/collect',
    counts: {
      dataLayerPushes: 3,
      dataLayerEvents: 3,
      ga4Hits: 3,
      ga4Events: 3,
      mirrorEvents: 1,
      warehouseRows: 1,
    },
    check,
    gaps: findLineageGaps(layers),
    consent: findConsentFindings([layers]),
    warehouse: {
      file: 'demo-warehouse.duckdb',
      total: 1,
      rows: [
        {
          eventTime: '12:00:00',
          eventName,
          source: 'web_mirror',
          transactionId: paramValue,
          value: null,
          currency: null,
        },
      ],
    },
    notices: [],
  };
}

function auditResultOf(eventName: string, paramValue: string): AuditResult {
  const { check, gaps, consent } = demoResultOf(eventName, paramValue);
  return {
    mode: 'journey',
    startUrls: [PAGE],
    journeys: ['hostile'],
    pages: [
      {
        url: `${PAGE}?q=${paramValue}`,
        reachedBy: 'hostile',
        pushes: 3,
        hits: 3,
        events: 6,
        invalidEvents: 2,
      },
    ],
    failures: [],
    notices: [],
    check,
    gaps,
    consent,
  };
}

const SECTIONS = [
  'summary',
  'coverage-matrix',
  'violation-groups',
  'consent-findings',
  'lineage-gaps',
  'event-verdicts',
];

describe.each([
  ['demo', (name: string, value: string) => renderDemoHtml(demoResultOf(name, value))],
  ['audit', (name: string, value: string) => renderAuditHtml(auditResultOf(name, value))],
])('the %s HTML report', (_report, render) => {
  const html = render(SCRIPT, `<img src=x onerror=alert(2)>`);

  it('holds every section, in the order a reader needs them', () => {
    const positions = SECTIONS.map((section) => html.indexOf(`<section data-testid="${section}">`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((left, right) => left - right)).toEqual(positions);
  });

  it('is one self-contained file: inline style, no script, nothing to load', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    const tags = html.match(/<[^>]*>/g) ?? [];
    const loading = /^<\/?(script|link|img|iframe|object|embed)\b|\s(src|href|on[a-z]+)=/i;
    expect(tags.filter((tag) => loading.test(tag))).toEqual([]);
    expect(html).not.toMatch(/@import|url\(|https?:\/\/(?!127\.0\.0\.1)/i);
  });

  it('shows a script in an event name and markup in a parameter value as text', () => {
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });
});

// The elements and attributes the renderers write; any other tag came from the data.
const OWN_TAG =
  /^<(!doctype html|\/?(html|head|meta|title|style|body|h[123]|p|section|table|thead|tbody|tr|th|td|code|dl|dt|dd|div|span|figure|figcaption|svg|rect|text|desc|details|summary)( [a-zA-Z-]+(="[^"<>]*")?)*)>$/;

describe('the HTML reports under fuzzed page values', () => {
  it('never let an event name or a parameter value open a tag of its own', () => {
    const text = fc.string().map((drawn) => `§${drawn}<`);
    fc.assert(
      fc.property(text, text, (name, value) => {
        for (const html of [
          renderDemoHtml(demoResultOf(name, value)),
          renderAuditHtml(auditResultOf(name, value)),
        ]) {
          expect(html).not.toContain(name);
          expect(html).not.toContain(value);
          const tags = html.match(/<[^>]*>?/g) ?? [];
          expect(tags.filter((tag) => !OWN_TAG.test(tag))).toEqual([]);
        }
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
