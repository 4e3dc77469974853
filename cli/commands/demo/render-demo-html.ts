import { buildCoverageMatrix } from '../../report-html/build-coverage-matrix.js';
import { escapeHtml } from '../../report-html/escape-html.js';
import { groupViolations } from '../../report-html/group-violations.js';
import { renderEventVerdicts } from '../../report-html/render-event-verdicts.js';
import { renderFindingSections } from '../../report-html/render-finding-sections.js';
import { renderReportPage } from '../../report-html/render-report-page.js';
import { renderTable } from '../../report-html/render-table.js';
import type { DemoResult } from './demo-result.js';

/**
 * The demo's findings as one self-contained HTML page (no script, no external asset): the
 * summary, the coverage matrix across dataLayer, GA4 and warehouse, the violations grouped by
 * code, the consent findings, the lineage gaps, then the layers, every verdict and the
 * warehouse rows. Every value that came from the page is escaped, so a hostile page cannot
 * inject markup into the report.
 */
export function renderDemoHtml(result: DemoResult): string {
  const coverage = buildCoverageMatrix(result.check, {
    warehouseNames: result.warehouse.rows.map((row) => row.eventName),
    withheldNames: result.consent.deniedHits
      .filter((hit) => !hit.isMirrored)
      .map((hit) => hit.name),
  });
  const violations = groupViolations(result.check.events);
  const { gaps, consent, check } = result;
  return renderReportPage(`tagwarden demo: ${result.journey}`, [
    `<p>Walked in ${escapeHtml(result.browser)} Chromium with the tagwarden extension; shop ${escapeHtml(result.shopUrl)}, collector ${escapeHtml(result.collectorUrl)}.</p>`,
    ...result.notices.map((notice) => `<p class="notice">${escapeHtml(notice)}</p>`),
    ...renderFindingSections({ check, coverage, violations, gaps, consent }, [
      { label: 'warehouse rows', value: String(result.warehouse.total) },
    ]),
    countsSection(result),
    renderEventVerdicts(check),
    warehouseSection(result),
  ]);
}

function countsSection(result: DemoResult): string {
  const { counts } = result;
  const rows = [
    ['dataLayer pushes', `${counts.dataLayerPushes} (${counts.dataLayerEvents} events)`],
    ['GA4 hits', `${counts.ga4Hits} (${counts.ga4Events} events)`],
    ['mirror copies sent', String(counts.mirrorEvents)],
    ['warehouse rows', String(counts.warehouseRows)],
  ];
  return `<h2>Layers</h2>${renderTable(['layer', 'records'], rows, { id: 'counts' })}`;
}

function warehouseSection(result: DemoResult): string {
  const rows = result.warehouse.rows.map((row) => [
    row.eventTime,
    row.eventName,
    row.source,
    row.transactionId ?? '',
    row.value === null ? '' : `${row.value} ${row.currency ?? ''}`.trim(),
  ]);
  const headers = ['time', 'event', 'source', 'transaction', 'value'];
  return `<h2>Warehouse rows: ${result.warehouse.total}</h2>${renderTable(headers, rows, { id: 'warehouse' })}`;
}
