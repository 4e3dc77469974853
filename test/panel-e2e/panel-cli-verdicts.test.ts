import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, CheckedEvent } from '../../shared/check/check-report.js';
import { rowStatus } from '../../extension/src/panel/model/row-status.js';
import { chromiumPath } from '../browser/launch-chromium.js';
import { parseStdout, runCli } from '../cli/run-cli.js';
import { clickButton, waitForText } from './page-actions.js';
import {
  readTimelineRows,
  repoRoot,
  startPanelHarness,
  type PanelHarness,
} from './panel-harness.js';
import { readCsv } from './read-csv.js';

const shopPlan = 'test/fixtures/plans/tagwarden/shop.yaml';

/** One judged event, as both sides can state it: where, what, the verdict and its violations. */
const describeCliEvent = (seq: number | undefined, event: CheckedEvent) =>
  [
    seq,
    event.name,
    rowStatus([event]),
    event.violations.map((violation) => violation.code).join('; '),
    event.violations.map((violation) => violation.path).join('; '),
  ].join(' | ');
const describeCsvRow = (row: Record<string, string>) =>
  [row['seq'], row['name'], row['status'], row['violation_codes'], row['violation_paths']].join(
    ' | ',
  );

function checkWithCli(file: string, plan: string): CheckReport {
  return parseStdout<CheckReport>(
    runCli(['check', file, '--plan', plan, '--format', 'json', '--fail-on', 'never']),
  );
}

describe.runIf(existsSync(chromiumPath))(
  'the panel and tagwarden check on the same session',
  () => {
    let harness: PanelHarness;
    let page: Page;

    const download = async (button: string, extension: string) => {
      const before = harness.downloads();
      await clickButton(page, button, '.toolbar');
      return harness.waitForDownload(extension, before);
    };
    const judgedCsvRows = async () =>
      readCsv(readFileSync(await download('CSV', '.csv'), 'utf8'))
        .filter((row) => row['status'] !== 'none')
        .map(describeCsvRow);

    beforeAll(async () => {
      harness = await startPanelHarness();
      page = await harness.openExtensionPage(`src/panel/panel.html?tabId=${harness.session.tabId}`);
      await page.waitForSelector('[data-row-id]');
      await waitForText(page, '.timeline', 'Purchase');
    }, 120_000);

    afterAll(async () => {
      await harness?.close();
    }, 60_000);

    it('gives every event of the exported session the verdict tagwarden check gives it, for the bundled plan and for a site plan', async () => {
      const ndjson = await download('Export session', '.ndjson');
      const seqOfLine = readFileSync(ndjson, 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { seq: number }).seq);
      const cliFor = (plan: string) =>
        checkWithCli(ndjson, plan).events.map((event) =>
          describeCliEvent(seqOfLine[(event.source.line ?? 0) - 1], event),
        );

      const bundled = cliFor('ga4-recommended');
      expect(await judgedCsvRows()).toEqual(bundled);
      expect(bundled.length).toBeGreaterThanOrEqual(10);
      expect(bundled.filter((line) => line.includes('| invalid |')).length).toBeGreaterThanOrEqual(
        3,
      );

      const shown = (await readTimelineRows(page)).filter((row) => row.status !== 'none');
      expect(
        shown.map((row) => `${row.id.slice(1).split('.')[0]} | ${row.name} | ${row.status}`),
      ).toEqual(bundled.map((line) => line.split(' | ').slice(0, 3).join(' | ')));

      await clickButton(page, 'Plans', '.tabs');
      await (await page.$('input[aria-label="Plan file"]'))?.uploadFile(join(repoRoot, shopPlan));
      await waitForText(page, '.toolbar', 'plan: shop-web');
      const site = cliFor(shopPlan);
      expect(site).not.toEqual(bundled);
      expect(await judgedCsvRows()).toEqual(site);
      await clickButton(page, 'Use the bundled', '.plans-view');
      await waitForText(page, '.toolbar', 'plan: ga4-recommended');
      await clickButton(page, 'Timeline', '.tabs');
    }, 60_000);

    it('gives the hits of the exported HAR the verdicts tagwarden check gives that HAR, live and once imported back', async () => {
      const har = await download('HAR', '.har');
      const entries = (
        JSON.parse(readFileSync(har, 'utf8')) as {
          log: { entries: Array<{ _tagwarden: { seq: number } }> };
        }
      ).log.entries;
      const cli = checkWithCli(har, 'ga4-recommended').events.map((event) =>
        describeCliEvent(entries[event.source.entry ?? -1]?._tagwarden.seq, event),
      );
      expect(cli.length).toBeGreaterThanOrEqual(6);
      const live = (await judgedCsvRows()).filter(
        (line) =>
          !line.includes(' | datalayer') &&
          cli.some((cliLine) => cliLine.split(' | ')[0] === line.split(' | ')[0]),
      );
      expect(live).toEqual(cli);

      await (await page.$('input[aria-label="Import a HAR or session file"]'))?.uploadFile(har);
      await waitForText(page, '.banner', '(har), judged offline by ga4-recommended');
      const withoutSeq = (line: string) => line.split(' | ').slice(1).join(' | ');
      expect((await judgedCsvRows()).map(withoutSeq)).toEqual(cli.map(withoutSeq));
      await clickButton(page, 'Back to the live tab', '.banner');
    }, 60_000);

    it('re-loads an exported session as the same session, with the same verdicts', async () => {
      const ndjson = await download('Export session', '.ndjson');
      const live = await judgedCsvRows();
      await (await page.$('input[aria-label="Import a HAR or session file"]'))?.uploadFile(ndjson);
      await waitForText(page, '.banner', '(session)');
      expect(await judgedCsvRows()).toEqual(live);
      const headings = await page.$$eval('.page-heading', (elements) =>
        elements.map((element) => (element as HTMLElement).innerText),
      );
      // The groups' exact split depends on when the browser reports navigations; what must hold
      // is that the re-loaded session has the page, the route and every row.
      expect(
        headings.some((heading) => /^Page\s+http:\/\/127\.0\.0\.1:\d+\/shop\.html\s/.test(heading)),
      ).toBe(true);
      expect(
        headings.some((heading) =>
          /^Route\s+http:\/\/127\.0\.0\.1:\d+\/checkout\/thanks\s/.test(heading),
        ),
      ).toBe(true);
      const rows = headings.map((heading) => Number(/(\d+) rows$/.exec(heading)?.[1] ?? 0));
      expect(rows.reduce((sum, count) => sum + count, 0)).toBe(17);
      await clickButton(page, 'Back to the live tab', '.banner');
    }, 60_000);
  },
);
