import type { TrackingPlan } from '../shared/plan/plan-types.js';
import type { TabSession } from '../extension/src/common/session-types.js';
import { analyseSession } from '../extension/src/panel/model/analyse-session.js';
import { buildLineageView } from '../extension/src/panel/model/build-lineage-view.js';
import { EMPTY_FILTER, filterRows } from '../extension/src/panel/model/filter-rows.js';
import { generateTabSession } from './generate-tab-session.js';
import { collectGarbage } from './measure-panel-model.js';

/** Heap bytes (after a full collection) the panel holds for one session size. */
export interface MemoryPoint {
  records: number;
  rows: number;
  /** The session as the panel receives it: a JSON copy, as every port message is. */
  session: number;
  /** The analysis (records, report, rows), lineage and the id index, as `usePanelData` keeps them. */
  rowsAndViews: number;
  /** The lower-cased text kept per row once a search has run. */
  searchText: number;
}

/**
 * Heap growth, measured with `process.memoryUsage().heapUsed` after forced collections, as
 * each part is added for sessions of the given sizes. Undefined when node was not started
 * with --expose-gc: without it the numbers would be garbage still waiting to be collected.
 */
export function measurePanelMemory(
  sizes: readonly number[],
  plan: TrackingPlan,
  seed: number,
): MemoryPoint[] | undefined {
  if (!collectGarbage()) return undefined;
  // Everything measured stays reachable from here until its size has been read.
  const held: unknown[] = [];
  return sizes.map((records) => {
    held.length = 0;
    const before = settledHeap();
    const session = JSON.parse(JSON.stringify(generateTabSession({ records, seed }))) as TabSession;
    const withSession = settledHeap();
    const analysis = analyseSession(session, plan);
    held.push(
      analysis,
      buildLineageView(analysis.rows, plan),
      new Map(analysis.rows.map((row) => [row.id, row])),
    );
    const withRows = settledHeap();
    filterRows(analysis.rows, { ...EMPTY_FILTER, text: 'no such text' });
    const withSearch = settledHeap();
    return {
      records,
      rows: analysis.rows.length,
      session: withSession - before,
      rowsAndViews: withRows - withSession,
      searchText: withSearch - withRows,
    };
  });
}

function settledHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
