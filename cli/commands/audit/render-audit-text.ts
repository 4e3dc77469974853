import { renderText } from '../../report/render-text.js';
import type { AuditResult } from './audit-result.js';

/** The terminal report: the pages first, then `tagwarden check`'s own report of the events. */
export function renderAuditText(result: AuditResult): string {
  const lines = [`tagwarden audit · ${describeRun(result)}`, ''];
  lines.push('pushes  hits  events  invalid  page');
  for (const page of result.pages) {
    const counts = [page.pushes, page.hits, page.events, page.invalidEvents].map((count, index) =>
      String(count).padStart([6, 5, 7, 8][index] ?? 6),
    );
    const via = page.reachedBy === 'crawl' ? '' : `  (${page.reachedBy})`;
    lines.push(`${counts.join(' ')}  ${page.url}${via}`);
  }
  if (result.pages.length === 0) lines.push('No page with analytics was captured.');
  for (const failure of result.failures)
    lines.push(`not loaded: ${failure.url} (${failure.reason})`);
  for (const notice of result.notices) lines.push(`notice: ${notice}`);
  return `${lines.join('\n')}\n\n${renderText(result.check)}`;
}

/** One phrase saying what was audited, shared by the text, Markdown and HTML reports. */
export function describeRun(result: AuditResult): string {
  const what =
    result.mode === 'journey'
      ? `journey ${result.journeys.join(', ')} from ${result.startUrls[0] ?? ''}`
      : `crawl from ${result.startUrls.join(', ')}`;
  return `${what} · ${result.pages.length} page(s) · plan ${result.check.plan.name}`;
}
