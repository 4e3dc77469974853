import { buildCoverageMatrix } from '../../report-html/build-coverage-matrix.js';
import { escapeHtml } from '../../report-html/escape-html.js';
import { groupViolations } from '../../report-html/group-violations.js';
import { renderEventVerdicts } from '../../report-html/render-event-verdicts.js';
import { renderFindingSections } from '../../report-html/render-finding-sections.js';
import { renderReportPage } from '../../report-html/render-report-page.js';
import { renderTable } from '../../report-html/render-table.js';
import type { AuditResult } from './audit-result.js';
import { describeRun } from './render-audit-text.js';

/**
 * The audit as one self-contained HTML page: inline style, no script, no external asset, and
 * a policy that forbids loading any. The summary, the coverage matrix (dataLayer and GA4), the
 * violations grouped by code, the consent findings and the lineage gaps come first, then the
 * pages and every verdict. Every value from the audited site (URLs, event names, parameters,
 * messages) is escaped, so a hostile page cannot inject markup into the report.
 */
export function renderAuditHtml(result: AuditResult): string {
  const coverage = buildCoverageMatrix(result.check);
  const violations = groupViolations(result.check.events);
  const { check, gaps, consent } = result;
  return renderReportPage('tagwarden audit', [
    `<p>${escapeHtml(describeRun(result))}</p>`,
    ...result.notices.map((notice) => `<p class="notice">${escapeHtml(notice)}</p>`),
    ...result.failures.map(
      (failure) =>
        `<p class="notice">not loaded: ${escapeHtml(failure.url)} (${escapeHtml(failure.reason)})</p>`,
    ),
    ...renderFindingSections({ check, coverage, violations, gaps, consent }, [
      { label: 'pages', value: String(result.pages.length) },
    ]),
    pagesSection(result),
    renderEventVerdicts(check),
  ]);
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
  return `<h2>Pages: ${result.pages.length}</h2>${renderTable(headers, rows, { id: 'pages' })}`;
}
