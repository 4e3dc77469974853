import type {
  CoverageCell,
  CoverageGroup,
  CoverageLayer,
  CoverageMatrix,
  CoverageRow,
} from './build-coverage-matrix.js';
import { escapeHtml } from './escape-html.js';
import { renderBarChartSvg, type ChartBar } from './render-bar-chart-svg.js';

const LAYER_HEADINGS: Record<CoverageLayer, string> = {
  datalayer: 'dataLayer push',
  ga4: 'GA4 hit',
  warehouse: 'warehouse copy',
};
const GROUP_HEADINGS: Record<CoverageGroup, string> = {
  fired: 'Planned, fired',
  'never-fired': 'Planned, never fired',
  unplanned: 'Fired, not in the plan',
};

// More planned events than this never fired (a bundled plan of every recommended event, one
// journey) fold away, so the events that did fire stay in view.
const LONGEST_OPEN_LIST = 10;

/**
 * The coverage matrix: planned events (then unplanned ones) as rows, the layers as columns,
 * each cell saying how often the event was seen there or that it never was; above it, one
 * stacked bar per layer of how the planned events fared there. Planned events that never
 * fired follow in a table of their own, folded when there are many.
 */
export function renderCoverageMatrix(matrix: CoverageMatrix): string {
  const planned = matrix.rows.filter((row) => row.group !== 'unplanned');
  const fired = planned.filter((row) => row.group === 'fired').length;
  const unplanned = matrix.rows.length - planned.length;
  const neverFired = planned.length - fired;

  return [
    '<section data-testid="coverage-matrix">',
    `<h2>Coverage: ${fired} of ${planned.length} planned events fired, ${unplanned} unplanned</h2>`,
    renderBarChartSvg({
      id: 'coverage-chart',
      title: 'Planned events per layer',
      bars: matrix.layers.map((layer, index) => layerBar(layer, index, planned)),
    }),
    fired + unplanned === 0
      ? '<p>No event was seen on any layer.</p>'
      : matrixTable('coverage', matrix, ['fired', 'unplanned']),
    neverFired === 0
      ? ''
      : [
          `<details data-testid="coverage-never-fired"${neverFired > LONGEST_OPEN_LIST ? '' : ' open'}>`,
          `<summary>${GROUP_HEADINGS['never-fired']} (${neverFired})</summary>`,
          matrixTable('coverage-never-fired', matrix, ['never-fired']),
          '</details>',
        ].join('\n'),
    '<p class="legend">A number is how often the event was seen on that layer; “3 of 4”: fewer than on the layer before; “without consent”: hits the mirror rightly skipped because analytics_storage was denied; “not fired”: expected there and never seen; “–”: not expected there.</p>',
    '</section>',
  ].join('\n');
}

function matrixTable(id: string, matrix: CoverageMatrix, groups: CoverageGroup[]): string {
  const head = ['event', ...matrix.layers.map((layer) => LAYER_HEADINGS[layer])]
    .map((text) => `<th scope="col">${escapeHtml(text)}</th>`)
    .join('');
  return [
    `<table id="${id}" class="matrix"><thead><tr>${head}</tr></thead>`,
    ...groups.map((group) => groupBody(group, matrix)),
    '</table>',
  ].join('\n');
}

function groupBody(group: CoverageGroup, matrix: CoverageMatrix): string {
  const rows = matrix.rows.filter((row) => row.group === group);
  if (rows.length === 0) return '';
  const span = matrix.layers.length + 1;
  return [
    `<tbody data-group="${group}"><tr><th colspan="${span}" scope="rowgroup">${GROUP_HEADINGS[group]} (${rows.length})</th></tr>`,
    ...rows.map(rowHtml),
    '</tbody>',
  ].join('\n');
}

function rowHtml(row: CoverageRow): string {
  const name = row.name === null ? '(no name)' : row.name;
  const cells = row.cells.map(
    (cell) => `<td class="cell ${cellClass(cell)}">${escapeHtml(cellText(cell))}</td>`,
  );
  return `<tr><td>${escapeHtml(name)}</td>${cells.join('')}</tr>`;
}

function cellText(cell: CoverageCell): string {
  const invalid = cell.invalid > 0 ? ` · ${cell.invalid} invalid` : '';
  switch (cell.state) {
    case 'fired':
      return `${cell.count}${invalid}`;
    case 'fewer':
      return `${cell.count} of ${cell.upstream ?? '?'}${invalid}`;
    case 'withheld':
      return `${cell.count} of ${cell.upstream ?? '?'} · ${cell.withheld ?? 0} without consent`;
    case 'not-fired':
      return 'not fired';
    case 'not-expected':
      return '–';
  }
}

function cellClass(cell: CoverageCell): string {
  if (cell.state === 'fired' && cell.invalid > 0) return 'cell-invalid';
  return `cell-${cell.state}`;
}

function layerBar(layer: CoverageLayer, index: number, planned: CoverageRow[]): ChartBar {
  const cells = planned.flatMap((row) => row.cells[index] ?? []);
  const count = (test: (cell: CoverageCell) => boolean) => cells.filter(test).length;
  return {
    label: LAYER_HEADINGS[layer],
    segments: [
      {
        label: 'fired, valid',
        value: count((cell) => cell.state === 'fired' && cell.invalid === 0),
        tone: 'good',
      },
      {
        label: 'some invalid',
        value: count((cell) => cell.count > 0 && cell.invalid > 0),
        tone: 'bad',
      },
      {
        label: 'fewer than the layer before',
        value: count((cell) => cell.state === 'fewer' && cell.invalid === 0),
        tone: 'warn',
      },
      {
        label: 'fewer, for lack of consent',
        value: count((cell) => cell.state === 'withheld' && cell.invalid === 0),
        tone: 'info',
      },
      { label: 'not fired', value: count((cell) => cell.state === 'not-fired'), tone: 'muted' },
    ],
  };
}
