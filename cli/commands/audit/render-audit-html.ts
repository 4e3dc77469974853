import type { CheckedEvent } from '../../../shared/check/check-report.js';
import { escapeHtml } from '../demo/render-demo-html.js';
import type { AuditResult } from './audit-result.js';
import { describeRun } from './render-audit-text.js';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d232a}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d5dbe1}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef1f4;vertical-align:top}
th{background:#f5f7f9}.valid{color:#1f7a3a}.invalid{color:#b3261e;font-weight:600}.unplanned{color:#8a6d00}
.notice{color:#b3261e}`;

/**
 * The audit as one self-contained HTML page: inline style, no script, no external asset, and
 * a policy that forbids loading any. Every value from the audited site (URLs, event names,
 * parameters, messages) is escaped, so a hostile page cannot inject markup into the report.
 */
export function renderAuditHtml(result: AuditResult): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<title>tagwarden audit</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>tagwarden audit</h1>',
    `<p>${escapeHtml(describeRun(result))}</p>`,
    ...result.notices.map((notice) => `<p class="notice">${escapeHtml(notice)}</p>`),
    ...result.failures.map(
      (failure) =>
        `<p class="notice">not loaded: ${escapeHtml(failure.url)} (${escapeHtml(failure.reason)})</p>`,
    ),
    pagesSection(result),
    verdictsSection(result),
    '</body></html>',
    '',
  ].join('\n');
}

function pagesSection(result: AuditResult): string {
  const rows = result.pages.map((page) => [
    page.url,
    page.reachedBy,
    String(page.pushes),
    String(page.hits),
    String(page.events),
    String(page.invalidEvents),
  ]);
  const headers = ['page', 'reached by', 'pushes', 'hits', 'events', 'invalid'];
  return `<h2>Pages: ${result.pages.length}</h2>${table(headers, rows, 'pages')}`;
}

function verdictsSection(result: AuditResult): string {
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

function violationText(event: CheckedEvent): string {
  return event.violations
    .map((violation) => `${violation.code} ${violation.path || '(event)'}: ${violation.message}`)
    .join('; ');
}

// `statusColumn` names the column whose value (valid / invalid / unplanned) becomes the class.
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
