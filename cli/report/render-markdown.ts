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
    row([
      summary.events,
      summary.valid,
      summary.invalid,
      summary.unplanned,
      summary.violations.error,
      summary.violations.warning,
      summary.violations.info,
    ]),
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
    const name = `\`${escapeCell(event.name ?? '(none)')}\``;
    const source = escapeCell(describeSource(event.source));
    lines.push(
      row([statusIcons[event.status], event.layer, name, source, escapeCell(violations) || ' ']),
    );
  }
  if (report.otherBeacons.length > 0) {
    const beacons = report.otherBeacons.map(
      (beacon) =>
        `${beacon.vendor}${beacon.accountId ? ` ${beacon.accountId}` : ''} \`${escapeCell(beacon.name ?? '(none)')}\``,
    );
    lines.push('', `**Other analytics beacons (not validated):** ${beacons.join(', ')}`);
  }
  if (report.auxiliary.length > 0) {
    const kinds = report.auxiliary.map((hit) => hit.kind).join(', ');
    lines.push('', `**Google auxiliary traffic (no events):** ${kinds}`);
  }
  if (report.missing.length > 0) {
    const missing = report.missing.map((event) => `\`${event.name}\` (${event.layers.join(', ')})`);
    lines.push('', `**Planned events never seen:** ${missing.join(', ')}`);
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

function row(cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

// Captured values are untrusted: in a pull-request comment, `<` would start HTML and `|` a cell.
function escapeCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}
