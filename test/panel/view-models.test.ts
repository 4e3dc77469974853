import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { Ga4Event } from '../../shared/events/event-types.js';
import { highlightPaths } from '../../extension/src/ui/highlight-paths.js';
import { scrollToShow, visibleRange } from '../../extension/src/ui/visible-range.js';
import { analyseSession } from '../../extension/src/panel/model/analyse-session.js';
import { buildConsentTimeline } from '../../extension/src/panel/model/build-consent-timeline.js';
import { buildLineageView } from '../../extension/src/panel/model/build-lineage-view.js';
import {
  EMPTY_FILTER,
  filterChoices,
  filterRows,
} from '../../extension/src/panel/model/filter-rows.js';
import { ga4FieldSections } from '../../extension/src/panel/model/ga4-field-sections.js';
import { groupByPage } from '../../extension/src/panel/model/group-by-page.js';
import { keyParams } from '../../extension/src/panel/model/key-params.js';
import { lineageOfRow } from '../../extension/src/panel/model/lineage-of-row.js';
import { nextRowIndex } from '../../extension/src/panel/model/next-row-index.js';
import { planErrorExcerpt } from '../../extension/src/panel/model/plan-error-excerpt.js';
import { shopPlan, shopSession } from './panel-fixtures.js';

const analysis = () => analyseSession(shopSession(), shopPlan());

describe('the timeline view model', () => {
  it.each([
    ['layer', { layers: ['mirror', 'sgtm'] }, ['s10.0', 's11.0']],
    ['status', { statuses: ['invalid'] }, ['s7', 's8', 's11.0']],
    ['free text in the payload', { text: 'JANE.DOE@' }, ['s8']],
    ['free text in a violation', { text: 'pattern_mismatch' }, ['s7']],
    ['vendor', { vendor: 'Meta pixel' }, ['s12.0']],
    ['measurement ID', { measurementId: 'G-DEMO000009', layers: ['sgtm'] }, ['s10.0']],
    ['personal data', { isPiiOnly: true }, ['s8']],
  ] as const)('filters by %s', (_, change, ids) => {
    const rows = filterRows(analysis().rows, { ...EMPTY_FILTER, ...change });
    expect(rows.map((row) => row.id)).toEqual(ids);
  });

  it('offers the vendors and measurement IDs present as filter choices', () => {
    expect(filterChoices(analysis().rows)).toEqual({
      vendors: ['GA4', 'Meta pixel', 'dataLayer', 'other'],
      measurementIds: ['1234567890', 'G-DEMO000009'],
    });
  });

  it('puts a heading over each page and route, and again over a row sent from an earlier page', () => {
    const { rows, session } = analysis();
    const late = { ...rows[2]!, id: 'late', navigationId: 1 };
    const items = groupByPage(
      [...rows.slice(0, 2), ...rows.slice(8, 10), late],
      session.navigations,
    );
    expect(
      items.map((item) =>
        item.kind === 'page' ? `${item.title} ${item.url} (${item.count})` : item.row.id,
      ),
    ).toEqual([
      'Page https://shop.example.test/product/stan-tee (2)',
      's1',
      's2',
      'Route https://shop.example.test/checkout/thanks (2)',
      's8',
      's9.0',
      'Page https://shop.example.test/product/stan-tee (1)',
      'late',
    ]);
  });

  it('moves the selection by row, skipping headings, with arrows, pages, Home and End', () => {
    const items = groupByPage(analysis().rows, analysis().session.navigations);
    const heading = items.findIndex((item, index) => index > 0 && item.kind === 'page');
    expect(nextRowIndex(items, -1, 'ArrowDown', 5)).toBe(1);
    expect(nextRowIndex(items, heading - 1, 'ArrowDown', 5)).toBe(heading + 1);
    expect(nextRowIndex(items, heading + 1, 'ArrowUp', 5)).toBe(heading - 1);
    expect(nextRowIndex(items, 1, 'Home', 5)).toBe(1);
    expect(nextRowIndex(items, 1, 'End', 5)).toBe(items.length - 1);
    expect(nextRowIndex(items, 1, 'PageDown', 5)).toBe(6);
    expect(nextRowIndex(items, 1, 'ArrowUp', 5)).toBeUndefined();
    expect(nextRowIndex(items, 1, 'x', 5)).toBeUndefined();
  });

  it('shows the usual ecommerce parameters first, looked up inside ecommerce too, as short text', () => {
    expect(
      keyParams({
        event: 'x',
        zeta: 1,
        ecommerce: { items: [1, 2], value: 3 },
        long: 'a'.repeat(60),
        nested: { a: 1 },
      }),
    ).toEqual([
      { key: 'value', value: '3' },
      { key: 'items', value: '[2]' },
      { key: 'zeta', value: '1' },
      { key: 'long', value: `${'a'.repeat(39)}…` },
      { key: 'nested', value: '{…}' },
    ]);
  });
});

describe('windowing a long list', () => {
  it.each([
    ['the top', 0, 520, { start: 0, end: 28 }],
    ['the middle of 50,000 rows', 26 * 25_000, 520, { start: 24_992, end: 25_028 }],
    ['the end', 26 * 49_990, 520, { start: 49_982, end: 50_000 }],
    ['a viewport not measured yet', 0, 0, { start: 0, end: 9 }],
    ['a scroll position past the end', 26 * 60_000, 520, { start: 50_000, end: 50_000 }],
  ])('renders only the rows around %s', (_, scrollTop, height, range) => {
    expect(visibleRange(scrollTop, height, 26, 50_000)).toEqual(range);
  });

  it('scrolls just enough to show the selected row', () => {
    expect(scrollToShow(10, 0, 520, 26)).toBe(0);
    expect(scrollToShow(30, 0, 520, 26)).toBe(31 * 26 - 520);
    expect(scrollToShow(2, 400, 520, 26)).toBe(52);
  });
});

describe('the detail view model', () => {
  it('labels the decoded fields of a GA4 hit by section, with the wire key beside each', () => {
    const decoded = decodeRequest({
      url: 'https://region1.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.2&sid=7&_s=3&dl=https%3A%2F%2Fa.example%2F&en=purchase&ep.coupon=X&epn.value=5&up.tier=gold&_dbg=1&zz=1',
    });
    const event = (decoded.kind === 'ga4' ? decoded.events[0] : undefined) as Ga4Event;
    const sections = ga4FieldSections(event);
    expect(sections.map((section) => section.title)).toEqual([
      'Identity',
      'Page',
      'Event parameters',
      'User properties',
      'Flags',
      'Keys without a known meaning',
    ]);
    expect(sections[0]?.fields).toContainEqual({
      label: 'Measurement ID',
      key: 'tid',
      value: 'G-1',
    });
    expect(sections[2]?.fields).toEqual([
      { label: 'coupon', key: 'ep.coupon', value: 'X' },
      { label: 'value', key: 'epn.value', value: '5' },
    ]);
  });

  it('marks each violation path and every object on the way to it', () => {
    const marks = highlightPaths(['/items/0/price', '/a~1b', '']);
    expect([...marks.marked]).toEqual(['/items/0/price', '/a~1b']);
    expect([...marks.containing]).toEqual(['', '/items', '/items/0']);
  });

  it('shows the plan text around an error, with a caret under its column', () => {
    expect(planErrorExcerpt('a: 1\nb: [2\nc: 3', 2, 4)).toEqual({
      lines: [
        { number: 1, text: 'a: 1' },
        { number: 2, text: 'b: [2' },
      ],
      line: 2,
      column: 4,
    });
    expect(planErrorExcerpt('a: 1', 5, 1)).toBeUndefined();
  });
});

describe('lineage and consent in the panel', () => {
  it('lays out lineage as push → hit → mirror lines with their findings', () => {
    const { rows } = analysis();
    const view = buildLineageView(rows, shopPlan());
    expect(
      view.lines.map(
        (line) => `${line.key}: ${line.findings.map((finding) => finding.kind).join(', ')}`,
      ),
    ).toEqual([
      's5>s6.1: sent-not-mirrored',
      's6.0: hit-without-push, sent-not-mirrored',
      's7: pushed-never-sent',
      's8>s9.0>s11.0: mirror-differs',
      's8>s10.0: ',
    ]);
    expect(view.counts).toEqual({
      'pushed-never-sent': 1,
      'sent-not-mirrored': 2,
      'hit-without-push': 1,
      'mirror-without-hit': 0,
      'mirror-differs': 1,
    });
  });

  it('finds the whole chain of a row, whichever record of it the row is', () => {
    const { rows } = analysis();
    const view = buildLineageView(rows, shopPlan());
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ['s8', 's9.0', 's10.0', 's11.0']) {
      const lineage = lineageOfRow(view, byId, id);
      expect(lineage.push?.id).toBe('s8');
      expect(lineage.hits.map((entry) => `${entry.hit.id}>${entry.mirror?.id ?? ''}`)).toEqual([
        's9.0>s11.0',
        's10.0>',
      ]);
    }
    expect(lineageOfRow(view, byId, 's12.0')).toEqual({ hits: [], findings: [] });
  });

  it('tells the consent story: the commands, the states hits declare, and hits sent while denied', () => {
    const session = shopSession();
    session.hits[0]!.url = session.hits[0]!.url.replace('gcs=G111', 'gcs=G100');
    const timeline = buildConsentTimeline(analyseSession(session, shopPlan()).rows);
    expect(
      timeline.changes.map(
        (change) => `${change.label}: ${change.consent.signals.analytics_storage}`,
      ),
    ).toEqual([
      'gtag consent default: denied',
      'gtag consent update: granted',
      'page_view hit (gcs G100, gcd 13t3t3t3t5l1): denied',
      'purchase hit (gcs G111, gcd 13t3t3t3t5l1): granted',
    ]);
    expect(timeline.sentWhileDenied.map((row) => row.id)).toEqual(['s6.0', 's6.1']);
  });
});
