import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../cli/package-version.js';
import { loadPlan } from '../shared/plan/load-plan.js';
import { sessionToNdjson } from '../extension/src/panel/export/session-to-ndjson.js';
import { EMPTY_FILTER } from '../extension/src/panel/model/filter-rows.js';
import { chromiumPath } from '../test/browser/launch-chromium.js';
import { buildExtension } from './build-extension.js';
import { generateTabSession } from './generate-tab-session.js';
import {
  FIRST_SEARCH,
  measurePanelInBrowser,
  type BrowserPanelResult,
  type FilterAction,
} from './measure-panel-in-browser.js';
import { measurePanelMemory } from './measure-panel-memory.js';
import { measurePanelModel, type NamedFilter } from './measure-panel-model.js';
import { reportPanelBench } from './report-panel-bench.js';

/**
 * The QA panel with a long session, in one run: a seeded synthetic shop session of
 * BENCH_RECORDS records (50,000), turned into rows and filtered by the panel's own model
 * code in Node (median and p95 over runs; target: every filter under 100 ms), the heap that
 * session and its rows take per 10,000 records at 10k, 20k and 50k (node --expose-gc), and
 * the built panel in headless Chromium importing the session: time to the first rows, time
 * for each filter to re-render, and how many rows the DOM holds (the list is virtualised).
 * BENCH_BUILD_RUNS, BENCH_FILTER_RUNS, BENCH_IMPORT_RUNS and BENCH_RENDER_RUNS set the runs;
 * BENCH_BROWSER=0 leaves the browser out.
 */
const records = Number(process.env.BENCH_RECORDS ?? 50_000);
const buildRuns = Number(process.env.BENCH_BUILD_RUNS ?? 5);
const filterRuns = Number(process.env.BENCH_FILTER_RUNS ?? 30);
const importRuns = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const renderRuns = Number(process.env.BENCH_RENDER_RUNS ?? 10);
const isBrowserWanted = process.env.BENCH_BROWSER !== '0';
const SEED = 1;
const MEMORY_SIZES = [10_000, 20_000, 50_000];

/** Each filter the filter bar offers, alone and combined. Event names are found by search. */
const MODEL_FILTERS: NamedFilter[] = [
  { name: 'search "sku_12350" (payloads)', filter: { ...EMPTY_FILTER, text: 'sku_12350' } },
  { name: 'event name: search "add_to_cart"', filter: { ...EMPTY_FILTER, text: 'add_to_cart' } },
  { name: 'only violations: status invalid', filter: { ...EMPTY_FILTER, statuses: ['invalid'] } },
  {
    name: 'status invalid, unplanned, warning',
    filter: { ...EMPTY_FILTER, statuses: ['invalid', 'unplanned', 'warning'] },
  },
  { name: 'lane GA4', filter: { ...EMPTY_FILTER, layers: ['ga4'] } },
  { name: 'vendor Meta pixel', filter: { ...EMPTY_FILTER, vendor: 'Meta pixel' } },
  {
    name: 'measurement ID G-TDW4ROLL02',
    filter: { ...EMPTY_FILTER, measurementId: 'G-TDW4ROLL02' },
  },
  { name: 'PII only', filter: { ...EMPTY_FILTER, isPiiOnly: true } },
  {
    name: 'GA4 + invalid + search "purchase"',
    filter: { ...EMPTY_FILTER, layers: ['ga4'], statuses: ['invalid'], text: 'purchase' },
  },
  { name: 'no filter', filter: EMPTY_FILTER },
];

const BROWSER_FILTERS: Array<{ name: string; action: FilterAction }> = [
  { name: 'search "add_to_cart"', action: { kind: 'search', text: 'add_to_cart' } },
  { name: 'status chip invalid', action: { kind: 'chip', group: 'Status', label: 'invalid' } },
  { name: 'lane chip GA4', action: { kind: 'chip', group: 'Layers', label: 'GA4' } },
  { name: 'PII only', action: { kind: 'pii-only' } },
];

async function main(): Promise<void> {
  const plan = loadRecommendedPlan();
  const session = generateTabSession({ records, seed: SEED });
  const model = measurePanelModel(session, plan, {
    buildRuns,
    filterRuns,
    firstSearch: FIRST_SEARCH,
    filters: MODEL_FILTERS,
  });
  const memory = measurePanelMemory(MEMORY_SIZES, plan, SEED);
  const browser = isBrowserWanted ? await measureBrowser(sessionToNdjson(session)) : 'skipped';
  reportPanelBench({ session, seed: SEED, model, memory, browser });
}

async function measureBrowser(exportText: string): Promise<BrowserPanelResult | string> {
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath} (set CHROME_PATH)`;
  const folder = mkdtempSync(join(tmpdir(), 'tagwarden-bench-panel-'));
  const sessionFile = join(folder, 'session.ndjson');
  writeFileSync(sessionFile, exportText);
  const extensionDir = await buildExtension();
  try {
    return await measurePanelInBrowser({
      extensionDir,
      sessionFile,
      importRuns,
      filterRuns: renderRuns,
      filters: BROWSER_FILTERS,
    });
  } finally {
    rmSync(extensionDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
}

// The file the panel's bundled plan is built from (extension/src/panel/app/bundled-plan.ts).
function loadRecommendedPlan() {
  const path = join(packageRoot(), 'shared/plans/ga4-recommended.yaml');
  const result = loadPlan(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(`bundled plan failed to load: ${result.errors[0]?.message}`);
  return result.plan;
}

await main();
