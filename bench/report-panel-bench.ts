import type { TabSession } from '../extension/src/common/session-types.js';
import type { BrowserPanelResult } from './measure-panel-in-browser.js';
import type { MemoryPoint } from './measure-panel-memory.js';
import type { ModelTimings } from './measure-panel-model.js';
import { summarise } from './sample-stats.js';

const FILTER_TARGET_MS = 100;
// The bound the panel's own 50,000-row test holds the DOM to (test/panel-e2e).
const DOM_ROWS_BOUND = 120;
const PER_RECORDS = 10_000;
const NAME_WIDTH = 44;

export interface PanelBenchResult {
  session: TabSession;
  seed: number;
  model: ModelTimings;
  memory: MemoryPoint[] | undefined;
  /** The browser's numbers, or why there are none. */
  browser: BrowserPanelResult | string;
}

/** Prints the run as the other benchmarks do: one block per part, each target met or not. */
export function reportPanelBench(result: PanelBenchResult): void {
  const { session, seed, model } = result;
  const lines = [
    `panel with a ${number(recordsOf(session))}-record session (${number(session.pushes.length)} pushes, ${number(session.hits.length)} hits, ${number(session.navigations.length)} page loads and routes; seed ${seed}) → ${number(model.rows)} rows`,
    ...modelLines(model),
    ...memoryLines(result.memory),
    ...browserLines(result.browser, recordsOf(session), model.rows),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function modelLines(model: ModelTimings): string[] {
  const runs = model.buildRows.length;
  const filterRuns = model.filters[0]?.samples.length ?? 0;
  const step = (name: string, samples: number[]) =>
    `  ${name.padEnd(NAME_WIDTH + 9)}${pair(samples)}`;
  return [
    `model, in Node with the panel's own functions (median / p95 of ${runs} runs)`,
    step('read the session export (readSessionFile)', model.readExport),
    step('build rows and verdicts (analyseSession)', model.buildRows),
    step('lineage, id index, filter choices, headings', model.deriveViews),
    step('search text, prepared in 8 ms slices (sum)', model.prepareSearch),
    `  filters over ${number(model.rows)} rows (median / p95 of ${filterRuns} runs, first searches of ${runs}; target < ${FILTER_TARGET_MS} ms on the median)`,
    `    ${'filter'.padEnd(NAME_WIDTH)}${'shown'.padStart(7)}  ${'filterRows'.padEnd(19)}${'+ page headings'.padEnd(19)}`,
    filterLine('first search "purchase", text prepared', NaN, model.firstSearch),
    filterLine('first search "purchase", not prepared yet', NaN, model.firstSearchUnprepared),
    ...model.filters.map((filter) =>
      filterLine(filter.name, filter.shown, filter.samples, filter.withHeadings),
    ),
  ];
}

function filterLine(name: string, shown: number, samples: number[], more: number[] = []): string {
  const worst = Math.max(summarise(samples).median, more.length > 0 ? summarise(more).median : 0);
  const count = Number.isNaN(shown) ? '' : number(shown);
  const second = more.length > 0 ? pair(more) : ''.padEnd(19);
  const judged = samples.length === 0 ? 'not measured' : verdict(worst < FILTER_TARGET_MS);
  return `    ${name.padEnd(NAME_WIDTH)}${count.padStart(7)}  ${pair(samples)}${second}${judged}`;
}

function memoryLines(memory: MemoryPoint[] | undefined): string[] {
  if (memory === undefined)
    return [
      'memory: not measured; run node with --expose-gc so garbage is collected before reading',
    ];
  const columns = ['records', 'rows', 'session', 'rows + views', 'search text', 'total'];
  return [
    `memory, Node heap after full collections, per ${number(PER_RECORDS)} records (Node keeps 8-byte pointers, Chromium 4)`,
    `  ${columns.map((column) => column.padStart(13)).join('')}`,
    ...memory.map((point) => {
      const per = (bytes: number) => megabytes((bytes * PER_RECORDS) / point.records);
      const total = point.session + point.rowsAndViews + point.searchText;
      const cells = [
        number(point.records),
        number(point.rows),
        per(point.session),
        per(point.rowsAndViews),
        per(point.searchText),
        per(total),
      ];
      return `  ${cells.map((cell) => cell.padStart(13)).join('')}`;
    }),
  ];
}

function browserLines(
  browser: BrowserPanelResult | string,
  records: number,
  modelRows: number,
): string[] {
  if (typeof browser === 'string') return [`browser: not measured: ${browser}`];
  // Node and the page run the same code on the same records: a difference is a fault.
  const agreement =
    browser.totalRows === modelRows ? '' : `; NOT the ${number(modelRows)} rows Node built`;
  const { domRows, heap } = browser;
  const mostRows = Math.max(domRows.top, domRows.middle, domRows.end, domRows.filtered);
  const step = (name: string, samples: number[]) =>
    `  ${name.padEnd(NAME_WIDTH + 9)}${pair(samples)}`;
  return [
    `browser, the built panel in headless Chromium importing the session export (median / p95)`,
    `${step('import → first rows in the DOM, laid out', browser.importToFirstRows)}(${browser.importToFirstRows.length} imports)`,
    step('import → the frame after them', browser.importToFirstFrame),
    `  rows in the DOM at top / middle / end / filtered: ${domRows.top} / ${domRows.middle} / ${domRows.end} / ${domRows.filtered} of ${number(browser.totalRows)} rows${agreement} (≤ ${DOM_ROWS_BOUND}: ${verdict(mostRows <= DOM_ROWS_BOUND)})`,
    `  filter re-render, input event → list updated and laid out (target < ${FILTER_TARGET_MS} ms on the median)`,
    `    ${'change'.padEnd(NAME_WIDTH)}${'shown'.padStart(7)}  ${'apply'.padEnd(19)}${'clear'.padEnd(19)}`,
    filterLine('first search "purchase", page quiet', NaN, browser.firstSearch),
    filterLine('first search "purchase", as rows appear', NaN, browser.firstSearchUnprepared),
    ...browser.filters.map((filter) =>
      filterLine(filter.name, filter.shown, filter.apply, filter.clear),
    ),
    `  panel page JS heap after GC: ${megabytes(heap.empty)} empty, +${megabytes(((heap.loaded - heap.empty) * PER_RECORDS) / records)} per ${number(PER_RECORDS)} records with the session shown`,
  ];
}

function recordsOf(session: TabSession): number {
  return session.pushes.length + session.hits.length;
}

function pair(samples: readonly number[]): string {
  if (samples.length === 0) return 'n/a'.padEnd(19);
  const { median, p95 } = summarise(samples);
  return `${ms(median)} / ${ms(p95)}`.padEnd(19);
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(1) : number(Math.round(value))} ms`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function number(value: number): string {
  return value.toLocaleString('en-US');
}

function verdict(isMet: boolean): string {
  return isMet ? 'met' : 'NOT met';
}
