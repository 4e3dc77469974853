import type { CheckedEvent } from '../../../shared/check/check-report.js';
import type { DemoResult } from './demo-result.js';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d232a}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d5dbe1}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef1f4;vertical-align:top}
th{background:#f5f7f9}.valid{color:#1f7a3a}.invalid{color:#b3261e;font-weight:600}.unplanned{color:#8a6d00}
.counts td:last-child{font-variant-numeric:tabular-nums}code{font-size:.9em}.notice{color:#b3261e}`;

/**
 * The demo's findings as one self-contained HTML page: inline style, no script, no external
 * asset. Every value that came from the page (event names, parameters, URLs) is escaped, so a
 * hostile page cannot inject markup into the report.
 */
export function renderDemoHtml(result: DemoResult): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    `<title>tagwarden demo: ${escapeHtml(result.journey)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>tagwarden demo: ${escapeHtml(result.journey)}</h1>`,
    `<p>Walked in ${escapeHtml(result.browser)} Chromium with the tagwarden extension; shop ${escapeHtml(result.shopUrl)}, collector ${escapeHtml(result.collectorUrl)}.</p>`,
    ...result.notices.map((notice) => `<p class="notice">${escapeHtml(notice)}</p>`),
    countsSection(result),
    verdictsSection(result),
    gapsSection(result),
    warehouseSection(result),
    '</body></html>',
    '',
  ].join('\n');
}

function countsSection(result: DemoResult): string {
  const { counts } = result;
  const rows: Array<[string, string]> = [
    ['dataLayer pushes', `${counts.dataLayerPushes} (${counts.dataLayerEvents} events)`],
    ['GA4 hits', `${counts.ga4Hits} (${counts.ga4Events} events)`],
    ['mirror copies sent', String(counts.mirrorEvents)],
    ['warehouse rows', String(counts.warehouseRows)],
  ];
  return `<h2>Layers</h2>${table(['layer', 'records'], rows, 'counts')}`;
}

function verdictsSection(result: DemoResult): string {
  const { summary, plan, missing } = result.check;
  const rows = result.check.events.map((event) => [
    event.layer,
    event.name ?? '(no name)',
    event.status,
    violationText(event),
    event.page ?? '',
  ]);
  const missingText = missing.length
    ? `<p>Planned but never seen: ${missing.map((entry) => `<code>${escapeHtml(entry.name)}</code>`).join(', ')}</p>`
    : '';
  return [
    `<h2>Plan ${escapeHtml(plan.name)}: ${summary.events} events, ${summary.valid} valid, ${summary.invalid} invalid, ${summary.unplanned} unplanned</h2>`,
    table(['layer', 'event', 'verdict', 'violations', 'page'], rows, 'verdicts', 2),
    missingText,
  ].join('\n');
}

function gapsSection(result: DemoResult): string {
  const rows = result.gaps.map((gap) => [gap.kind, gap.layer, gap.name ?? '(no name)', gap.reason]);
  return `<h2>Lineage gaps: ${result.gaps.length}</h2>${table(['gap', 'layer', 'event', 'why'], rows, 'gaps')}`;
}

function warehouseSection(result: DemoResult): string {
  const rows = result.warehouse.rows.map((row) => [
    row.eventTime,
    row.eventName,
    row.source,
    row.transactionId ?? '',
    row.value === null ? '' : `${row.value} ${row.currency ?? ''}`.trim(),
  ]);
  return `<h2>Warehouse rows: ${result.warehouse.total}</h2>${table(['time', 'event', 'source', 'transaction', 'value'], rows, 'warehouse')}`;
}

function violationText(event: CheckedEvent): string {
  return event.violations
    .map((violation) => `${violation.code} ${violation.path || '(event)'}: ${violation.message}`)
    .join('; ');
}

// `statusColumn` names the column whose value becomes the cell's class (valid / invalid …).
function table(headers: string[], rows: string[][], id: string, statusColumn?: number): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = row.map((cell, index) => {
        const status = index === statusColumn ? ` class="${escapeHtml(cell)}"` : '';
        return `<td${status}>${escapeHtml(cell)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Text as HTML text or attribute value: the five characters that can start markup, escaped. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
