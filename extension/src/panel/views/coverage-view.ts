import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../../ui/format-time.js';
import type {
  CoverageCell,
  CoverageConfig,
  CoverageLane,
  CoverageRow,
  CoverageTable,
} from '../model/build-coverage.js';
import { COVERAGE_LANES } from '../model/build-coverage.js';
import { formatCoverageColumns, parseCoverageColumns } from '../model/coverage-config.js';

const LANE_SHORT: Record<CoverageLane, string> = {
  datalayer: 'DL',
  ga4: 'GA4',
  sgtm: 'sGTM',
  mirror: 'WH',
};

export interface CoverageViewProps {
  table: CoverageTable;
  config: CoverageConfig;
  onConfig: (config: CoverageConfig) => void;
}

/**
 * Coverage: planned events (then unplanned ones seen) by page pattern or journey step, each
 * cell one counter per lane (dataLayer, GA4, sGTM, warehouse mirror); red for violations,
 * dashed for an expected lane never seen, with first-seen time, duplicates and consent in
 * the tooltip and the consent state at fire time in its own column.
 */
export function CoverageView(props: CoverageViewProps): ComponentChild {
  const { table } = props;
  const stepTitle = (index: number) => (table.mode === 'journey' ? `${index + 1}. ` : '');
  return h(
    'div',
    { class: 'view coverage-view' },
    h(CoverageSettings, { config: props.config, onConfig: props.onConfig }),
    h(
      'p',
      { class: 'note' },
      `Lanes: DL dataLayer · GA4 Google · sGTM server-side/first-party · WH warehouse mirror. Lanes with traffic in this session: ${table.observedLanes.map((lane) => LANE_SHORT[lane]).join(', ') || 'none'}.`,
    ),
    h(
      'div',
      { style: { overflowX: 'auto' } },
      h(
        'table',
        { class: 'coverage' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, 'event'),
            table.columns.map((column, index) =>
              h(
                'th',
                { key: column.label, title: column.pattern },
                `${stepTitle(index)}${column.label}`,
              ),
            ),
            h('th', null, 'other pages'),
            h('th', null, 'total'),
            h('th', null, 'consent at fire time'),
          ),
        ),
        h(
          'tbody',
          null,
          table.rows.map((row) => h(CoverageLine, { key: row.name, row })),
        ),
      ),
    ),
  );
}

function CoverageLine(props: { row: CoverageRow }): ComponentChild {
  const { row } = props;
  const consent = COVERAGE_LANES.reduce<Record<string, number>>((counts, lane) => {
    for (const [state, count] of Object.entries(row.total[lane].consent))
      counts[state] = (counts[state] ?? 0) + (count ?? 0);
    return counts;
  }, {});
  return h(
    'tr',
    { 'data-event': row.name },
    h(
      'th',
      null,
      row.name,
      row.isPlanned ? null : h('span', { class: 'flag' }, 'unplanned'),
      neverSeenNote(row),
    ),
    row.cells.map((lanes, index) =>
      h('td', { key: index, class: 'cell' }, lanesOf(row, lanes, false)),
    ),
    h('td', { class: 'cell' }, lanesOf(row, row.total, true)),
    h(
      'td',
      null,
      Object.entries(consent).map(([state, count]) =>
        h('span', { key: state, class: `pill ${state}` }, `${state} ${count}`),
      ),
    ),
  );
}

/** A planned event seen nowhere is only "not seen yet"; one missing from some lanes is a gap. */
function neverSeenNote(row: CoverageRow): ComponentChild {
  if (row.neverSeen.length === 0) return null;
  if (isUnseen(row)) return h('div', { class: 'flag unseen' }, 'not seen in this session');
  return h(
    'div',
    { class: 'flag count' },
    `never seen: ${row.neverSeen.map((lane) => LANE_SHORT[lane]).join(', ')}`,
  );
}

function isUnseen(row: CoverageRow): boolean {
  return COVERAGE_LANES.every((lane) => row.total[lane].count === 0);
}

function lanesOf(
  row: CoverageRow,
  lanes: Record<CoverageLane, CoverageCell>,
  isTotal: boolean,
): ComponentChild[] {
  if (isTotal && isUnseen(row))
    return [
      h(
        'span',
        { key: 'unseen', class: 'lane unseen', title: 'planned, not seen in this session' },
        '—',
      ),
    ];
  return COVERAGE_LANES.flatMap((lane) => {
    const cell = lanes[lane];
    const isNever = isTotal && row.neverSeen.includes(lane);
    if (cell.count === 0 && !isNever) return [];
    const state = isNever ? 'never' : cell.violations > 0 ? 'bad' : 'seen';
    const duplicates = cell.duplicates > 0 ? ` ×${cell.duplicates} dup` : '';
    const title = isNever
      ? `${LANE_SHORT[lane]}: planned, never seen`
      : `${LANE_SHORT[lane]}: ${cell.count} seen, first at ${formatTime(cell.firstSeen ?? 0)}, ${cell.violations} violations, ${cell.duplicates} duplicates`;
    return [
      h(
        'span',
        { key: lane, class: `lane ${state}`, title },
        `${LANE_SHORT[lane]} ${isNever ? '—' : cell.count}${duplicates}`,
      ),
    ];
  });
}

function CoverageSettings(props: {
  config: CoverageConfig;
  onConfig: (config: CoverageConfig) => void;
}): ComponentChild {
  const [text, setText] = useState(formatCoverageColumns(props.config.columns));
  const [mode, setMode] = useState(props.config.mode);
  useEffect(() => {
    setText(formatCoverageColumns(props.config.columns));
    setMode(props.config.mode);
  }, [props.config]);
  return h(
    'details',
    { class: 'coverage-settings' },
    h(
      'summary',
      null,
      `Columns: ${props.config.columns.length === 0 ? 'the paths seen' : `${props.config.columns.length} ${props.config.mode === 'journey' ? 'journey steps' : 'page patterns'}`} (edit)`,
    ),
    h(
      'label',
      null,
      'Columns are ',
      h(
        'select',
        {
          value: mode,
          onChange: (event: Event) =>
            setMode(
              (event.currentTarget as HTMLSelectElement).value === 'journey' ? 'journey' : 'pages',
            ),
        },
        h('option', { value: 'pages' }, 'page types'),
        h('option', { value: 'journey' }, 'journey steps'),
      ),
    ),
    h(
      'p',
      { class: 'note' },
      'One per line: Label = /path/* (a * is any text, :name one path segment, a ? also matches the query).',
    ),
    h('textarea', {
      rows: 5,
      cols: 60,
      'aria-label': 'Coverage columns',
      value: text,
      onInput: (event: Event) => setText((event.currentTarget as HTMLTextAreaElement).value),
    }),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { onClick: () => props.onConfig({ mode, columns: parseCoverageColumns(text) }) },
        'Save columns for this site',
      ),
    ),
  );
}
