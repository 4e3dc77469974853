import { renderMarkdown } from '../../report/render-markdown.js';
import type { AuditResult } from './audit-result.js';
import { describeRun } from './render-audit-text.js';

/** A Markdown report for CI job summaries: the page table, then the check report. */
export function renderAuditMarkdown(result: AuditResult): string {
  const lines = [
    '## tagwarden audit',
    '',
    escapeCell(describeRun(result)),
    '',
    '| page | reached by | pushes | hits | events | invalid |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const page of result.pages) {
    const cells = [page.url, page.reachedBy, page.pushes, page.hits, page.events];
    lines.push(
      `| ${[...cells, page.invalidEvents].map((cell) => escapeCell(String(cell))).join(' | ')} |`,
    );
  }
  for (const failure of result.failures)
    lines.push('', `- not loaded: ${escapeCell(failure.url)} (${escapeCell(failure.reason)})`);
  for (const notice of result.notices) lines.push('', `- ${escapeCell(notice)}`);
  return `${lines.join('\n')}\n\n${renderMarkdown(result.check)}`;
}

// A pipe ends a cell, and text from a page must not open markup in a rendered comment.
function escapeCell(text: string): string {
  return text
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}
