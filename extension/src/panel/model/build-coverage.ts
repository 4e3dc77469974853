import { isGtmInternalEvent } from '../../../../shared/check/datalayer-step-to-test-input.js';
import type { Layer } from '../../../../shared/events/event-types.js';
import type { TrackingPlan } from '../../../../shared/plan/plan-types.js';
import { matchUrlPattern } from './match-url-pattern.js';
import type { ConsentState, RowLayer, TimelineRow } from './timeline-row.js';

export type CoverageLane = 'datalayer' | 'ga4' | 'sgtm' | 'mirror';
export const COVERAGE_LANES: readonly CoverageLane[] = ['datalayer', 'ga4', 'sgtm', 'mirror'];

/** A column: a page type by URL pattern, or one step of a journey. */
export interface CoverageColumn {
  label: string;
  pattern: string;
}

export interface CoverageConfig {
  mode: 'pages' | 'journey';
  columns: CoverageColumn[];
}

export interface CoverageCell {
  count: number;
  firstSeen?: number;
  /** Violations of severity error across the rows counted. */
  violations: number;
  duplicates: number;
  /** analytics_storage when each row fired, counted by state. */
  consent: Partial<Record<ConsentState, number>>;
}

export interface CoverageRow {
  name: string;
  isPlanned: boolean;
  /** Lanes the plan expects this event on (every lane for an unplanned event). */
  expectedLanes: CoverageLane[];
  /** One entry per column, then one for pages no column matches. */
  cells: Array<Record<CoverageLane, CoverageCell>>;
  total: Record<CoverageLane, CoverageCell>;
  /** Expected lanes, among those the session has any traffic on, where it never came. */
  neverSeen: CoverageLane[];
}

export interface CoverageTable {
  mode: CoverageConfig['mode'];
  /** The configured columns, or the paths seen when none are; then "other pages". */
  columns: CoverageColumn[];
  rows: CoverageRow[];
  observedLanes: CoverageLane[];
}

const MAX_DERIVED_COLUMNS = 12;

/**
 * The session's coverage (landscape notes §5): planned events, then unplanned ones seen, by
 * page pattern or journey step, one lane per layer, each cell counting what fired with its
 * first time, violations, duplicates and consent state. Like `tagwarden check`'s missing
 * list, a lane with no traffic in the session says nothing, so "never seen" needs traffic.
 */
export function buildCoverage(
  rows: readonly TimelineRow[],
  plan: TrackingPlan,
  config: CoverageConfig,
): CoverageTable {
  const columns = config.columns.length > 0 ? config.columns : derivedColumns(rows);
  const counted = rows.filter((row) => laneOf(row.layer) !== undefined && isCountable(row));
  const observedLanes = COVERAGE_LANES.filter((lane) =>
    counted.some((row) => laneOf(row.layer) === lane),
  );
  const byName = new Map<string, CoverageRow>();
  for (const planned of Object.values(plan.events)) {
    if (planned.status === 'active')
      byName.set(planned.name, emptyRow(planned.name, true, planned.layers, columns));
  }

  for (const row of counted) {
    const name = row.eventName as string;
    let entry = byName.get(name);
    if (entry === undefined) {
      const planned = Object.hasOwn(plan.events, name) ? plan.events[name] : undefined;
      entry = emptyRow(name, planned !== undefined, planned?.layers ?? [], columns);
      byName.set(name, entry);
    }
    const lane = laneOf(row.layer) as CoverageLane;
    const column = columns.findIndex((candidate) =>
      matchUrlPattern(candidate.pattern, row.pageUrl),
    );
    addTo(entry.cells[column === -1 ? columns.length : column]?.[lane], row);
    addTo(entry.total[lane], row);
  }

  for (const entry of byName.values()) {
    entry.neverSeen = entry.expectedLanes.filter(
      (lane) =>
        observedLanes.includes(lane) &&
        entry.total[lane].count === 0 &&
        !isSeenOnSibling(entry, lane),
    );
  }
  // What fired comes first; planned events the session never reached follow, in plan order.
  const entries = [...byName.values()];
  const isSeen = (entry: CoverageRow) => COVERAGE_LANES.some((lane) => entry.total[lane].count > 0);
  const ordered = [...entries.filter(isSeen), ...entries.filter((entry) => !isSeen(entry))];
  return { mode: config.mode, columns, rows: ordered, observedLanes };
}

function isCountable(row: TimelineRow): boolean {
  return row.eventName !== null && row.eventName !== '' && !isGtmInternalEvent(row.eventName);
}

export function laneOf(layer: RowLayer): CoverageLane | undefined {
  return layer === 'vendor' || layer === 'other' ? undefined : layer;
}

// GA4 sent straight to Google or through a server container reaches the same property.
function isSeenOnSibling(entry: CoverageRow, lane: CoverageLane): boolean {
  if (lane === 'ga4') return entry.total.sgtm.count > 0;
  if (lane === 'sgtm') return entry.total.ga4.count > 0;
  return false;
}

function lanesOf(layers: readonly Layer[], isPlanned: boolean): CoverageLane[] {
  if (!isPlanned) return [];
  const lanes: CoverageLane[] = [];
  if (layers.includes('datalayer')) lanes.push('datalayer');
  if (layers.includes('ga4')) lanes.push('ga4', 'sgtm');
  if (layers.includes('warehouse')) lanes.push('mirror');
  return lanes;
}

function emptyRow(
  name: string,
  isPlanned: boolean,
  layers: readonly Layer[],
  columns: readonly CoverageColumn[],
): CoverageRow {
  return {
    name,
    isPlanned,
    expectedLanes: lanesOf(layers, isPlanned),
    cells: Array.from({ length: columns.length + 1 }, emptyLanes),
    total: emptyLanes(),
    neverSeen: [],
  };
}

function emptyLanes(): Record<CoverageLane, CoverageCell> {
  const cell = (): CoverageCell => ({ count: 0, violations: 0, duplicates: 0, consent: {} });
  return { datalayer: cell(), ga4: cell(), sgtm: cell(), mirror: cell() };
}

function addTo(cell: CoverageCell | undefined, row: TimelineRow): void {
  if (cell === undefined) return;
  cell.count++;
  cell.firstSeen = Math.min(cell.firstSeen ?? row.time, row.time);
  for (const violation of row.verdicts.flatMap((verdict) => verdict.violations)) {
    if (violation.code === 'duplicate_event') cell.duplicates++;
    if (violation.severity === 'error') cell.violations++;
  }
  const state = row.consent?.signals.analytics_storage ?? 'unset';
  cell.consent[state] = (cell.consent[state] ?? 0) + 1;
}

function derivedColumns(rows: readonly TimelineRow[]): CoverageColumn[] {
  const paths: string[] = [];
  for (const row of rows) {
    const path = pathOf(row.pageUrl);
    if (path !== undefined && !paths.includes(path)) paths.push(path);
    if (paths.length === MAX_DERIVED_COLUMNS) break;
  }
  return paths.map((path) => ({ label: path, pattern: path }));
}

function pathOf(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
