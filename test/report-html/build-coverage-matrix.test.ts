import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCoverageMatrix } from '../../cli/report-html/build-coverage-matrix.js';
import type { CheckedEvent } from '../../shared/check/check-report.js';
import { checkReportOf, checkedEvent } from './report-fixtures.js';

// A journey shaped like the demo shop's: a page view sent before consent, a bug on the
// dataLayer, an automatic GA4 event, a custom push no GA4 tag sends, and a hit with no name.
const journey = checkReportOf(
  [
    checkedEvent('page_view', 'datalayer'),
    checkedEvent('page_view', 'ga4'),
    checkedEvent('view_item_list', 'datalayer'),
    checkedEvent('view_item_list', 'ga4'),
    checkedEvent('consent_ready', 'datalayer', [], 'unplanned'),
    checkedEvent('page_view', 'datalayer'),
    checkedEvent('page_view', 'ga4'),
    checkedEvent('add_to_cart', 'datalayer', [{ code: 'type_mismatch', path: '/items/0/price' }]),
    checkedEvent('add_to_cart', 'ga4'),
    checkedEvent('user_engagement', 'ga4'),
    checkedEvent(null, 'ga4', [{ code: 'decode_warning', severity: 'warning' }], 'unplanned'),
  ],
  [
    { name: 'purchase', layers: ['datalayer', 'ga4'] },
    { name: 'scroll', layers: ['ga4'] },
  ],
);
const warehouseNames = ['page_view', 'add_to_cart', 'user_engagement'];

describe('the coverage matrix', () => {
  const matrix = buildCoverageMatrix(journey, { warehouseNames, withheldNames: ['page_view'] });
  const rowNamed = (name: string | null) => matrix.rows.find((row) => row.name === name);

  it('has the dataLayer, GA4 and warehouse as columns, and fired, never-fired, unplanned rows in that order', () => {
    expect(matrix.layers).toEqual(['datalayer', 'ga4', 'warehouse']);
    expect(matrix.rows.map((row) => [row.name, row.group])).toEqual([
      ['page_view', 'fired'],
      ['view_item_list', 'fired'],
      ['add_to_cart', 'fired'],
      ['user_engagement', 'fired'],
      ['purchase', 'never-fired'],
      ['scroll', 'never-fired'],
      ['consent_ready', 'unplanned'],
      [null, 'unplanned'],
    ]);
  });

  it.each([
    [
      'a page view, one copy withheld for consent',
      'page_view',
      [2, 2, 1],
      ['fired', 'fired', 'withheld'],
    ],
    ['a hit the mirror lost', 'view_item_list', [1, 1, 0], ['fired', 'fired', 'not-fired']],
    ['an event invalid on the dataLayer', 'add_to_cart', [1, 1, 1], ['fired', 'fired', 'fired']],
    [
      'an automatic GA4 event, pushed by no one',
      'user_engagement',
      [0, 1, 1],
      ['not-expected', 'fired', 'fired'],
    ],
    [
      'a planned event never seen',
      'purchase',
      [0, 0, 0],
      ['not-fired', 'not-fired', 'not-expected'],
    ],
    [
      'a planned GA4-only event never seen',
      'scroll',
      [0, 0, 0],
      ['not-expected', 'not-fired', 'not-expected'],
    ],
    [
      'a custom push no GA4 tag sends',
      'consent_ready',
      [1, 0, 0],
      ['fired', 'not-expected', 'not-expected'],
    ],
    ['a hit without a name, not mirrored', null, [0, 1, 0], ['not-expected', 'fired', 'not-fired']],
  ] as const)('counts %s', (_case, name, counts, states) => {
    const row = rowNamed(name);
    expect(row?.cells.map((cell) => cell.count)).toEqual(counts);
    expect(row?.cells.map((cell) => cell.state)).toEqual(states);
  });

  it('keeps the invalid count, the count upstream and the withheld hits on their cells', () => {
    expect(rowNamed('add_to_cart')?.cells[0]).toEqual({ count: 1, invalid: 1, state: 'fired' });
    expect(rowNamed('page_view')?.cells[2]).toEqual({
      count: 1,
      invalid: 0,
      upstream: 2,
      withheld: 1,
      state: 'withheld',
    });
  });

  it('has no warehouse column when no warehouse was read, as for an audit', () => {
    const audit = buildCoverageMatrix(journey);
    expect(audit.layers).toEqual(['datalayer', 'ga4']);
    expect(audit.rows.every((row) => row.cells.length === 2)).toBe(true);
  });

  it.each([
    ['GA4 sent fewer than were pushed', ['datalayer', 'datalayer', 'ga4'], [], [], 'ga4', 'fewer'],
    [
      'consent explains only part of the shortfall',
      ['ga4', 'ga4', 'ga4'],
      ['purchase'],
      ['purchase'],
      'warehouse',
      'fewer',
    ],
    [
      'consent explains all of it',
      ['ga4', 'ga4'],
      ['purchase'],
      ['purchase'],
      'warehouse',
      'withheld',
    ],
    [
      'more copies than hits (sent twice)',
      ['ga4'],
      ['purchase', 'purchase'],
      [],
      'warehouse',
      'fired',
    ],
  ] as const)('marks the cell when %s', (_case, layers, warehouse, withheld, column, state) => {
    const events = layers.map((layer) => checkedEvent('purchase', layer));
    const built = buildCoverageMatrix(checkReportOf(events), {
      warehouseNames: warehouse,
      withheldNames: withheld,
    });
    const index = built.layers.indexOf(column);
    expect(built.rows[0]?.cells[index]?.state).toBe(state);
  });

  it('counts every event once whatever its name, and leaves Object.prototype alone (fuzzed)', () => {
    const name = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'page_view', '', null),
      fc.string(),
    );
    const event = fc.record({
      name,
      layer: fc.constantFrom('datalayer', 'ga4', 'other'),
      status: fc.constantFrom('valid', 'invalid', 'unplanned'),
    });
    fc.assert(
      fc.property(fc.array(event), fc.array(fc.string()), fc.array(name), (drawn, stored, held) => {
        const events = drawn.map(
          (one) => ({ ...checkedEvent(one.name, one.layer), status: one.status }) as CheckedEvent,
        );
        const built = buildCoverageMatrix(checkReportOf(events), {
          warehouseNames: stored,
          withheldNames: held,
        });
        const total = (index: number) =>
          built.rows.reduce((sum, row) => sum + (row.cells[index]?.count ?? 0), 0);
        expect(total(0)).toBe(drawn.filter((one) => one.layer === 'datalayer').length);
        expect(total(1)).toBe(drawn.filter((one) => one.layer === 'ga4').length);
        expect(total(2)).toBe(stored.length);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
    );
  });
});
