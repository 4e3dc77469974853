import type { TrackingPlan } from '../shared/plan/plan-types.js';
import type { TabSession } from '../extension/src/common/session-types.js';
import { readSessionFile } from '../extension/src/panel/export/read-session-file.js';
import { sessionToNdjson } from '../extension/src/panel/export/session-to-ndjson.js';
import { analyseSession } from '../extension/src/panel/model/analyse-session.js';
import { buildLineageView } from '../extension/src/panel/model/build-lineage-view.js';
import {
  EMPTY_FILTER,
  filterChoices,
  filterRows,
  type RowFilter,
} from '../extension/src/panel/model/filter-rows.js';
import { groupByPage } from '../extension/src/panel/model/group-by-page.js';
import { prepareSearchText } from '../extension/src/panel/model/prepare-search-text.js';
import type { TimelineRow } from '../extension/src/panel/model/timeline-row.js';
import { timeRuns } from './sample-stats.js';

export interface NamedFilter {
  name: string;
  filter: RowFilter;
}

export interface FilterTiming {
  name: string;
  /** `filterRows` alone, in ms per run. */
  samples: number[];
  /** `filterRows` and the page headings the timeline then builds over what it let through. */
  withHeadings: number[];
  shown: number;
}

/** Per build run, in ms: building the rows and what follows them, up to the first search. */
export interface BuildTimings {
  /** `analyseSession`: records, verdicts through `checkCaptures`, and the timeline rows. */
  buildRows: number[];
  /** What the panel derives next from every row: lineage, the id index, choices, headings. */
  deriveViews: number[];
  /** Every row's search text, built in the panel's slices (the slices' sum). */
  prepareSearch: number[];
  /** The first text search once the search text is prepared. */
  firstSearch: number[];
  /** The first text search over rows whose search text is not prepared yet. */
  firstSearchUnprepared: number[];
}

export interface ModelTimings extends BuildTimings {
  rows: number;
  /** The panel reading its own session export back (`readSessionFile`), in ms. */
  readExport: number[];
  filters: FilterTiming[];
}

export interface ModelOptions {
  buildRuns: number;
  filterRuns: number;
  firstSearch: string;
  filters: readonly NamedFilter[];
}

// The slice the panel prepares search text in (extension/src/panel/app/use-prepared-search.ts).
const SLICE_MS = 8;

/**
 * The panel's own model code on one session, timed in this process: the functions the
 * panel calls (`usePanelData`, `PanelApp`, `usePreparedSearch`, `TimelineView`), called the
 * same way, so the numbers are the panel's minus the browser's rendering.
 */
export function measurePanelModel(
  session: TabSession,
  plan: TrackingPlan,
  options: ModelOptions,
): ModelTimings {
  const exportText = sessionToNdjson(session);
  const readExport = timeRuns(
    () => readSessionFile(exportText, 'session.ndjson'),
    options.buildRuns,
  );
  const builds: BuildTimings = {
    buildRows: [],
    deriveViews: [],
    prepareSearch: [],
    firstSearch: [],
    firstSearchUnprepared: [],
  };
  let rows: TimelineRow[] = [];
  // The first run warms the JIT up and is not counted.
  for (let run = 0; run <= options.buildRuns; run++) {
    collectGarbage();
    rows = timeBuild(session, plan, options.firstSearch, run === 0 ? undefined : builds);
  }
  const filters = options.filters.map(({ name, filter }) => ({
    name,
    samples: timeRuns(() => filterRows(rows, filter), options.filterRuns, 3),
    withHeadings: timeRuns(
      () => groupByPage(filterRows(rows, filter), session.navigations),
      options.filterRuns,
      3,
    ),
    shown: filterRows(rows, filter).length,
  }));
  return { rows: rows.length, readExport, ...builds, filters };
}

/**
 * One build, timed step by step into `into`. The unprepared search runs on shallow copies
 * of the rows: search text is kept per row object, so copies have none yet.
 */
function timeBuild(
  session: TabSession,
  plan: TrackingPlan,
  text: string,
  into: BuildTimings | undefined,
): TimelineRow[] {
  const began = performance.now();
  const rows = analyseSession(session, plan).rows;
  const built = performance.now();
  deriveViews(rows, session, plan);
  const derived = performance.now();
  const copies = rows.map((row) => ({ ...row }));

  let preparing = 0;
  for (let next = 0; next < rows.length;) {
    const sliceBegan = performance.now();
    next = prepareSearchText(rows, next, SLICE_MS);
    preparing += performance.now() - sliceBegan;
  }
  const searchBegan = performance.now();
  filterRows(rows, { ...EMPTY_FILTER, text });
  const searched = performance.now();
  filterRows(copies, { ...EMPTY_FILTER, text });
  const searchedUnprepared = performance.now();

  into?.buildRows.push(built - began);
  into?.deriveViews.push(derived - built);
  into?.prepareSearch.push(preparing);
  into?.firstSearch.push(searched - searchBegan);
  into?.firstSearchUnprepared.push(searchedUnprepared - searched);
  return rows;
}

function deriveViews(rows: TimelineRow[], session: TabSession, plan: TrackingPlan): void {
  buildLineageView(rows, plan);
  new Map(rows.map((row) => [row.id, row]));
  filterChoices(rows);
  groupByPage(rows, session.navigations);
}

/** Runs a full collection when node was started with --expose-gc, so runs start alike. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return false;
  gc();
  return true;
}
