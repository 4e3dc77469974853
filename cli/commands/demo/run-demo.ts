import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkCaptures } from '../../../shared/check/check-captures.js';
import { readJourney } from '../../../test/demo-shop/journey/read-journey.js';
import { startDemoShop } from '../../../test/demo-shop/server/start-demo-shop.js';
import { exitCodes } from '../../exit-codes.js';
import { packageRoot } from '../../package-version.js';
import { resolvePlan } from '../../resolve-plan.js';
import { UsageError } from '../../usage-error.js';
import type { DemoResult } from './demo-result.js';
import { ensureExtensionBuild } from './ensure-extension-build.js';
import { findConsentFindings } from './find-consent-findings.js';
import { findLineageGaps } from './find-lineage-gaps.js';
import { chromiumPath, launchDemoBrowser } from './launch-demo-browser.js';
import { readWarehouse } from './read-warehouse.js';
import { renderDemoText } from './render-demo-text.js';
import { removeDemoWarehouse, startDemoCollector } from './start-demo-services.js';
import { walkWithExtension } from './walk-with-extension.js';
import { writeDemoReports } from './write-demo-reports.js';
import { serveUntilStopped } from './serve-until-stopped.js';

export interface DemoFlags {
  keepServing?: boolean;
  headful?: boolean;
  reports: string;
  logLevel: string;
}

/**
 * `tagwarden demo`: the whole system on one live browser session. The collector (DuckDB),
 * the demo shop sending to it, and Chromium with the extension; the bundled journey is walked,
 * the extension's session checked against the bundled plan, its lineage followed to the
 * warehouse, and the findings printed and written as HTML, JSON and JUnit reports.
 */
export async function runDemo(flags: DemoFlags): Promise<void> {
  if (!existsSync(chromiumPath))
    throw new UsageError(
      `no Chromium at ${chromiumPath}`,
      'Install Debian’s chromium package, or set CHROME_PATH to a Chromium binary.',
    );
  const root = packageRoot();
  const say = progress(flags.logLevel);
  const journey = loadJourney(join(root, 'test/demo-shop/journey.yaml'));
  const plan = resolvePlan('ga4-recommended');
  const reportsDir = resolve(flags.reports);
  mkdirSync(reportsDir, { recursive: true });
  const databaseFile = join(reportsDir, 'demo-warehouse.duckdb');
  removeDemoWarehouse(databaseFile);

  say('building the extension when stale');
  const extension = await ensureExtensionBuild(root);
  let collector = await startDemoCollector(databaseFile, flags.logLevel);
  const collectUrl = `${collector.url}/g/collect`;
  const shop = await startDemoShop({ collectorUrl: collectUrl });
  say(`shop at ${shop.url}, collector at ${collectUrl}`);
  const browser = await launchDemoBrowser(extension.directory, flags.headful === true);

  const mirrorStored = (count: number) =>
    collector.metrics.read('tagwarden_events_received_total', { source: 'web_mirror' }) >= count;
  const walk = await walkWithExtension(
    browser.browser,
    browser.extensionId,
    journey,
    shop.url,
    mirrorStored,
  ).finally(() => browser.close());
  say('journey walked; closing the collector to read the warehouse');

  await collector.close();
  const warehouse = await readWarehouse(databaseFile);
  const { layers } = walk;
  const check = checkCaptures([...layers.pushes, ...layers.ga4Requests], plan, {
    inputs: [`${journey.name} (Chromium with the tagwarden extension)`],
  });
  const result: DemoResult = {
    journey: journey.name,
    browser: browser.isHeadful ? 'headful' : 'headless',
    shopUrl: shop.url,
    collectorUrl: collectUrl,
    counts: {
      dataLayerPushes: layers.pushes.length,
      dataLayerEvents: check.events.filter((event) => event.layer === 'datalayer').length,
      ga4Hits: layers.ga4Requests.length,
      ga4Events: layers.ga4Events.length,
      mirrorEvents: layers.mirrorEvents.length,
      warehouseRows: warehouse.total,
    },
    check,
    gaps: findLineageGaps(layers),
    consent: findConsentFindings([layers]),
    warehouse,
    notices: walk.notices,
  };
  const files = writeDemoReports(result, reportsDir);
  process.stdout.write(renderDemoText(result, files, root));
  process.exitCode = exitCodes.clean;

  if (!flags.keepServing) {
    await shop.close();
    return;
  }
  collector = await startDemoCollector(databaseFile, flags.logLevel, collector.port);
  await serveUntilStopped({ shop, collector, extensionDir: extension.directory, root });
}

function loadJourney(file: string) {
  const result = readJourney(readFileSync(file, 'utf8'), file);
  if (!result.ok) {
    const error = result.errors[0];
    throw new UsageError(
      `journey ${file}: ${error?.message ?? 'unreadable'}`,
      'Fix the journey file; its format is in test/demo-shop/README.md.',
    );
  }
  return result.journey;
}

function progress(logLevel: string): (text: string) => void {
  const isVerbose = ['info', 'debug', 'trace'].includes(logLevel);
  return (text) => {
    if (isVerbose) process.stderr.write(`tagwarden demo: ${text}\n`);
  };
}
