import type { CheckReport, CheckedEvent } from '../../shared/check/check-report.js';
import { escapeHtml } from './escape-html.js';
import { renderTable } from './render-table.js';

/** Every checked event with the plan's verdict and its violations, then the planned events never seen. */
export function renderEventVerdicts(check: CheckReport): string {
  const { summary, plan, missing } = check;
  const rows = check.events.map((event) => [
    event.layer,
    event.name ?? '(no name)',
    event.status,
    violationText(event),
    event.page ?? '',
  ]);
  const names = missing.map((entry) => `<code>${escapeHtml(entry.name)}</code>`);
  return [
    '<section data-testid="event-verdicts">',
    `<h2>Plan ${escapeHtml(plan.name)}: ${summary.events} events, ${summary.valid} valid, ${summary.invalid} invalid, ${summary.unplanned} unplanned</h2>`,
    renderTable(['layer', 'event', 'verdict', 'violations', 'page'], rows, {
      id: 'verdicts',
      statusColumn: 2,
    }),
    names.length > 0 ? `<p>Planned but never seen: ${names.join(', ')}</p>` : '',
    '</section>',
  ].join('\n');
}

function violationText(event: CheckedEvent): string {
  return event.violations
    .map((violation) => `${violation.code} ${violation.path || '(event)'}: ${violation.message}`)
    .join('; ');
}
