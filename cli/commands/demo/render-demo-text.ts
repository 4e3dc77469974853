import { relative } from 'node:path';
import type { DemoResult } from './demo-result.js';
import type { DemoReportFiles } from './write-demo-reports.js';

const MAX_ROWS = 20;

/** The demo's findings for the terminal: a few lines per section, every finding named. */
export function renderDemoText(result: DemoResult, files: DemoReportFiles, root: string): string {
  const { counts, check } = result;
  const lines = [
    `tagwarden demo: "${result.journey}" walked in ${result.browser} Chromium with the tagwarden extension`,
    `  shop ${result.shopUrl}  ·  collector ${result.collectorUrl}  ·  warehouse ${shortPath(result.warehouse.file, root)}`,
    ...result.notices.map((notice) => `  ! ${notice}`),
    '',
    'Layers',
    `  dataLayer   ${counts.dataLayerPushes} pushes, ${counts.dataLayerEvents} of them events`,
    `  GA4         ${counts.ga4Hits} hits carrying ${counts.ga4Events} events`,
    `  mirror      ${counts.mirrorEvents} copies sent from the page to the collector`,
    `  warehouse   ${counts.warehouseRows} rows in DuckDB`,
    '',
    `Plan ${check.plan.name}: ${check.summary.events} events, ${check.summary.valid} valid, ${check.summary.invalid} invalid, ${check.summary.unplanned} unplanned`,
    ...violationLines(result),
    ...missingLines(result),
    '',
    `Lineage gaps: ${result.gaps.length}`,
    ...result.gaps.map(
      (gap) =>
        `  ${gap.kind.padEnd(18)} ${gap.layer.padEnd(9)} ${gap.name ?? '(no name)'}: ${gap.reason}`,
    ),
    '',
    `Warehouse rows (${result.warehouse.total})`,
    ...warehouseLines(result),
    '',
    `Reports: ${shortPath(files.html, root)}`,
    `         ${shortPath(files.json, root)}, ${shortPath(files.junit, root)}`,
    '',
  ];
  return lines.join('\n');
}

function violationLines(result: DemoResult): string[] {
  return result.check.events.flatMap((event) =>
    event.violations.map(
      (violation) =>
        `  ${event.status.padEnd(9)} ${event.layer.padEnd(9)} ${(event.name ?? '(no name)').padEnd(17)} ${violation.code} ${violation.path || '(event)'}: ${violation.message}`,
    ),
  );
}

// The bundled plan covers every recommended event; one journey sends a few of them.
function missingLines(result: DemoResult): string[] {
  const names = result.check.missing.map((missing) => missing.name);
  if (names.length === 0) return [];
  const shown = names.slice(0, 6).join(', ');
  return [`  not seen  ${names.length} planned events: ${shown}${names.length > 6 ? ', …' : ''}`];
}

function warehouseLines(result: DemoResult): string[] {
  const shown = result.warehouse.rows.slice(0, MAX_ROWS);
  const table = shown.map((row) =>
    [
      row.eventTime,
      row.eventName.padEnd(17),
      row.source.padEnd(10),
      row.transactionId ?? '',
      row.value === null ? '' : `${row.value} ${row.currency ?? ''}`.trim(),
    ]
      .join('  ')
      .trimEnd(),
  );
  const more = result.warehouse.total - shown.length;
  return [
    `  ${['time    ', 'event'.padEnd(17), 'source'.padEnd(10), 'transaction', 'value'].join('  ')}`,
    ...table.map((line) => `  ${line}`),
    ...(more > 0
      ? [`  … ${more} more (tagwarden query --db ${result.warehouse.file} "SELECT …")`]
      : []),
  ];
}

function shortPath(path: string, root: string): string {
  const fromRoot = relative(root, path);
  return fromRoot.startsWith('..') ? path : fromRoot;
}
