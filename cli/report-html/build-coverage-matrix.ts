import type { CheckReport } from '../../shared/check/check-report.js';

/** The layers a record passes on its way to the warehouse, in that order. */
export type CoverageLayer = 'datalayer' | 'ga4' | 'warehouse';

/**
 * `fired`: seen on the layer; `fewer`: seen, but fewer times than on the layer before;
 * `withheld`: fewer in the warehouse than on GA4, all of the difference hits the mirror
 * rightly skipped for lack of consent; `not-fired`: expected and never seen; `not-expected`:
 * neither seen nor expected there.
 */
export type CoverageCellState = 'fired' | 'fewer' | 'withheld' | 'not-fired' | 'not-expected';

export interface CoverageCell {
  count: number;
  /** How many of them the plan judged invalid (the warehouse is not judged: always 0). */
  invalid: number;
  /** The count on the layer before, when there is one. */
  upstream?: number;
  /** Warehouse column: hits of the event not mirrored because analytics_storage was denied. */
  withheld?: number;
  state: CoverageCellState;
}

/** `fired`: planned and seen somewhere; `never-fired`: planned, seen nowhere; `unplanned`. */
export type CoverageGroup = 'fired' | 'never-fired' | 'unplanned';

export interface CoverageRow {
  /** null for records that carried no event name. */
  name: string | null;
  group: CoverageGroup;
  /** One cell per layer of the matrix, in its order. */
  cells: CoverageCell[];
}

export interface CoverageMatrix {
  layers: CoverageLayer[];
  rows: CoverageRow[];
}

export interface CoverageSources {
  /** The warehouse's event names, one per row; given, the matrix has a warehouse column. */
  warehouseNames?: readonly string[];
  /** Names of GA4 hits the mirror skipped because analytics_storage was denied. */
  withheldNames?: readonly (string | null)[];
}

interface Tally {
  name: string | null;
  isPlanned: boolean;
  counts: Map<CoverageLayer, number>;
  invalid: Map<CoverageLayer, number>;
  missingOn: Set<string>;
  withheld: number;
}

/**
 * Every planned event and every event seen, by layer: how often the dataLayer pushed it, GA4
 * sent it and (given the warehouse's event names) the warehouse holds it. Planned events come
 * from the check's verdicts and its list of planned events never seen, so the plan itself is
 * not needed. Rows keep the order of the capture: fired events first, then the planned ones
 * never seen, then the ones the plan does not know.
 */
export function buildCoverageMatrix(
  check: CheckReport,
  sources: CoverageSources = {},
): CoverageMatrix {
  const { warehouseNames, withheldNames = [] } = sources;
  const layers: CoverageLayer[] = ['datalayer', 'ga4'];
  if (warehouseNames !== undefined) layers.push('warehouse');
  const tallies = new Map<string, Tally>();
  const tallyOf = (name: string | null) => findOrAddTally(tallies, name);

  for (const event of check.events) {
    if (!isCoverageLayer(event.layer)) continue;
    const tally = tallyOf(event.name);
    add(tally.counts, event.layer);
    if (event.status === 'invalid') add(tally.invalid, event.layer);
    if (event.status !== 'unplanned' && event.name !== null) tally.isPlanned = true;
  }
  for (const missing of check.missing) {
    const tally = tallyOf(missing.name);
    tally.isPlanned = true;
    for (const layer of missing.layers) tally.missingOn.add(layer);
  }
  for (const name of warehouseNames ?? []) add(tallyOf(name).counts, 'warehouse');
  for (const name of withheldNames) tallyOf(name).withheld += 1;

  const rows = [...tallies.values()].map((tally) => rowOf(tally, layers));
  const groups: CoverageGroup[] = ['fired', 'never-fired', 'unplanned'];
  return { layers, rows: groups.flatMap((group) => rows.filter((row) => row.group === group)) };
}

// Keyed so that no event name can collide with the nameless row or reach Object.prototype.
function findOrAddTally(tallies: Map<string, Tally>, name: string | null): Tally {
  const key = name === null ? '\u0000' : `=${name}`;
  const found = tallies.get(key);
  if (found !== undefined) return found;
  const created: Tally = {
    name,
    isPlanned: false,
    counts: new Map(),
    invalid: new Map(),
    missingOn: new Set(),
    withheld: 0,
  };
  tallies.set(key, created);
  return created;
}

function rowOf(tally: Tally, layers: CoverageLayer[]): CoverageRow {
  const cells = layers.map((layer, index) => {
    const previous = layers[index - 1];
    const upstream = previous === undefined ? undefined : (tally.counts.get(previous) ?? 0);
    return cellOf(tally, layer, upstream);
  });
  const hasFired = cells.some((cell) => cell.count > 0);
  const group = !tally.isPlanned ? 'unplanned' : hasFired ? 'fired' : 'never-fired';
  return { name: tally.name, group, cells };
}

// A GA4 hit with no mirror copy is a gap unless consent explains it; a push with no hit is
// one only when the plan says so (its `missing` layers): many pushes feed other tags only.
function cellOf(tally: Tally, layer: CoverageLayer, upstream: number | undefined): CoverageCell {
  const count = tally.counts.get(layer) ?? 0;
  const invalid = tally.invalid.get(layer) ?? 0;
  const withheld = layer === 'warehouse' ? tally.withheld : 0;
  const cell = {
    count,
    invalid,
    ...(upstream === undefined ? {} : { upstream }),
    ...(withheld > 0 ? { withheld } : {}),
  };
  const shortfall = upstream === undefined ? 0 : upstream - count;
  if (shortfall > 0 && shortfall <= withheld) return { ...cell, state: 'withheld' };
  if (count > 0) return { ...cell, state: shortfall > 0 ? 'fewer' : 'fired' };
  const isExpected = tally.missingOn.has(layer) || (layer === 'warehouse' && shortfall > 0);
  return { ...cell, state: isExpected ? 'not-fired' : 'not-expected' };
}

function add(counts: Map<CoverageLayer, number>, layer: CoverageLayer): void {
  counts.set(layer, (counts.get(layer) ?? 0) + 1);
}

function isCoverageLayer(layer: string): layer is CoverageLayer {
  return layer === 'datalayer' || layer === 'ga4' || layer === 'warehouse';
}
