import { renderJunit } from '../../report/render-junit.js';
import type { AuditResult } from './audit-result.js';
import { renderAuditMarkdown } from './render-audit-markdown.js';
import { renderAuditText } from './render-audit-text.js';

export type AuditFormat = 'text' | 'json' | 'junit' | 'markdown';

/**
 * The audit in one of the CLI's report formats. JSON is the whole result (pages, failures,
 * and under `check` the very report `tagwarden check --format json` gives); JUnit is the check's
 * own, one test case per event, as CI dashboards read it.
 */
export function renderAuditReport(result: AuditResult, format: AuditFormat): string {
  switch (format) {
    case 'text':
      return renderAuditText(result);
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'junit':
      return renderJunit(result.check);
    case 'markdown':
      return renderAuditMarkdown(result);
  }
}
