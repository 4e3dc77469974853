import { describe, expect, it } from 'vitest';
import { buildCoverageMatrix } from '../../cli/report-html/build-coverage-matrix.js';
import { renderCoverageMatrix } from '../../cli/report-html/render-coverage-matrix.js';
import { checkReportOf, checkedEvent } from './report-fixtures.js';

const check = checkReportOf(
  [
    checkedEvent('page_view', 'datalayer'),
    checkedEvent('page_view', 'ga4'),
    checkedEvent('page_view', 'datalayer'),
    checkedEvent('page_view', 'ga4'),
    checkedEvent('add_payment_info', 'datalayer', [{ code: 'missing_required', path: '/items' }]),
    checkedEvent('add_payment_info', 'ga4', [{ code: 'missing_required', path: '/items' }]),
    checkedEvent('<script>alert(1)</script>', 'ga4', [], 'unplanned'),
  ],
  [{ name: 'refund', layers: ['datalayer', 'ga4'] }],
);
const html = renderCoverageMatrix(
  buildCoverageMatrix(check, {
    warehouseNames: ['page_view', 'add_payment_info'],
    withheldNames: ['page_view'],
  }),
);
const rowOf = (name: string) =>
  html.split('\n').find((line) => line.startsWith(`<tr><td>${name}<`));
const cellsOf = (row: string | undefined) =>
  [...(row ?? '').matchAll(/<td class="cell ([a-z-]+)">([^<]*)<\/td>/g)].map((match) => [
    match[1],
    match[2],
  ]);

describe('the coverage matrix section', () => {
  it('has a heading with the planned events fired, and the layers as columns', () => {
    expect(html).toContain('data-testid="coverage-matrix"');
    expect(html).toContain('<h2>Coverage: 2 of 3 planned events fired, 1 unplanned</h2>');
    expect(html).toContain(
      '<tr><th scope="col">event</th><th scope="col">dataLayer push</th><th scope="col">GA4 hit</th><th scope="col">warehouse copy</th></tr>',
    );
  });

  it.each([
    [
      'page_view',
      [
        ['cell-fired', '2'],
        ['cell-fired', '2'],
        ['cell-withheld', '1 of 2 · 1 without consent'],
      ],
    ],
    [
      'add_payment_info',
      [
        ['cell-invalid', '1 · 1 invalid'],
        ['cell-invalid', '1 · 1 invalid'],
        ['cell-fired', '1'],
      ],
    ],
    [
      'refund',
      [
        ['cell-not-fired', 'not fired'],
        ['cell-not-fired', 'not fired'],
        ['cell-not-expected', '–'],
      ],
    ],
  ])('shows %s on every layer', (name, cells) => {
    expect(cellsOf(rowOf(name))).toEqual(cells);
  });

  it('groups the rows: planned and fired, then not in the plan, then the planned never fired', () => {
    const order = ['data-group="fired"', 'data-group="unplanned"', 'data-group="never-fired"'];
    const positions = order.map((marker) => html.indexOf(marker));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((left, right) => left - right)).toEqual(positions);
    expect(html).toContain('scope="rowgroup">Fired, not in the plan (1)</th>');
  });

  it('shows a few planned events never fired open, and folds many away', () => {
    expect(html).toContain('<details data-testid="coverage-never-fired" open>');
    const many = checkReportOf(
      [checkedEvent('page_view', 'ga4')],
      Array.from({ length: 11 }, (_, index) => ({
        name: `event_${index}`,
        layers: ['ga4' as const],
      })),
    );
    const folded = renderCoverageMatrix(buildCoverageMatrix(many));
    expect(folded).toContain('<details data-testid="coverage-never-fired">');
    expect(folded).toContain('<summary>Planned, never fired (11)</summary>');
  });

  it('draws a stacked bar per layer of how the planned events fared', () => {
    expect(html).toContain('data-testid="chart-coverage-chart"');
    expect(html).toContain('warehouse copy 2 (1 fired, valid, 1 fewer, for lack of consent)');
    expect(html).toContain('dataLayer push 3 (1 fired, valid, 1 some invalid, 1 not fired)');
  });

  it('shows an event name with markup as text', () => {
    expect(html).not.toContain('<script');
    expect(rowOf('&lt;script&gt;alert(1)&lt;/script&gt;')).toBeDefined();
  });
});
