import type { CheckReport } from '../../shared/check/check-report.js';
import { describeSource } from '../../shared/capture/describe-source.js';

const statusIcons = {
  valid: '✅ valid',
  invalid: '❌ invalid',
  unplanned: '❔ unplanned',
} as const;

/** A Markdown report for pull-request comments and CI job summaries. */
export function renderMarkdown(report: CheckReport): string {
  const { summary } = report;
  const lines = [
    `## tagwarden check: ${report.plan.name}`,
    '',
    '| events | valid | invalid | unplanned | errors | warnings | notes |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${summary.events} | ${summary.valid} | ${summary.invalid} | ${summary.unplanned} | ${summary.violations.error} | ${summary.violations.warning} | ${summary.violations.info} |`,
    '',
    '| status | layer | event | input | violations |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const event of report.events) {
    const violations = event.violations
      .map(
        (violation) =>
          `${violation.severity} \`${violation.code}\` \`${violation.path || '/'}\`: ${violation.message}`,
      )
      .join('<br>');
    lines.push(
      `| ${statusIcons[event.status]} | ${event.layer} | \`${escapeCell(event.name ?? '(none)')}\` | ${escapeCell(describeSource(event.source))} | ${escapeCell(violations) || ' '} |`,
    );
  }
  if (report.missing.length > 0) {
    lines.push(
      '',
      `**Planned events never seen:** ${report.missing.map((event) => `\`${event.name}\``).join(', ')}`,
    );
  }
  if (report.inputErrors.length > 0) {
    lines.push(
      '',
      '**Input problems:**',
      ...report.inputErrors.map((error) => `- ${error.message} (${error.hint})`),
    );
  }
  return lines.join('\n') + '\n';
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
