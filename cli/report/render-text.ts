import type { CheckReport, CheckedEvent } from '../../shared/check/check-report.js';
import { describeSource } from '../../shared/capture/describe-source.js';

const statusMarks = {
  valid: '✓ valid    ',
  invalid: '✗ invalid  ',
  unplanned: '? unplanned',
} as const;

/** The human report: one line per event, its violations under it, then what else was seen. */
export function renderText(report: CheckReport): string {
  const lines: string[] = [];
  lines.push(
    `tagwarden check · plan ${report.plan.name} (${report.plan.format}) · ${report.inputs.length} input(s)`,
  );
  lines.push('');

  for (const event of report.events) lines.push(...eventLines(event));
  if (report.events.length === 0) lines.push('No analytics events found in the inputs.');

  lines.push(...otherLines(report));
  lines.push('');
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

function eventLines(event: CheckedEvent): string[] {
  const unnamed = event.layer === 'datalayer' ? '(dataLayer message)' : '(no event name)';
  const name = (event.name ?? unnamed).padEnd(24);
  const where = event.endpoint ? `  ${event.endpoint}` : '';
  const head = `${statusMarks[event.status]}  ${event.layer.padEnd(9)} ${name} ${describeSource(event.source)}${where}`;
  const details = event.violations.map(
    (violation) =>
      `      ${violation.severity.padEnd(7)} ${violation.code.padEnd(19)} ${violation.path || '/'}  ${violation.message}`,
  );
  return [head, ...details];
}

function otherLines(report: CheckReport): string[] {
  const lines: string[] = [];
  if (report.otherBeacons.length > 0) {
    lines.push('', 'Other analytics beacons (not validated against the plan):');
    for (const beacon of report.otherBeacons) {
      const account = beacon.accountId ? ` [${beacon.accountId}]` : '';
      lines.push(
        `  ${beacon.vendor}${account} ${beacon.name ?? '(no event name)'}  ${describeSource(beacon.source)}`,
      );
    }
  }
  if (report.auxiliary.length > 0) {
    lines.push('', 'Google auxiliary traffic (looks like GA4, carries no event):');
    for (const hit of report.auxiliary)
      lines.push(`  ${hit.kind}  ${hit.endpoint}  ${describeSource(hit.source)}`);
  }
  if (report.missing.length > 0) {
    lines.push('', `Planned events never seen (${report.missing.length}):`);
    lines.push(
      ...wrap(report.missing.map((event) => `${event.name} [${event.layers.join(', ')}]`)),
    );
  }
  if (report.unrecognised > 0) {
    lines.push(
      '',
      `${report.unrecognised} request(s) were no analytics tagwarden recognises and were skipped.`,
    );
  }
  if (report.inputErrors.length > 0) {
    lines.push('', 'Input problems (the rest of each input was still read):');
    for (const error of report.inputErrors) lines.push(`  ${error.message}`, `    → ${error.hint}`);
  }
  return lines;
}

function summaryLine(report: CheckReport): string {
  const { summary } = report;
  const counts = `${summary.events} events: ${summary.valid} valid, ${summary.invalid} invalid, ${summary.unplanned} unplanned`;
  const violations = `${summary.violations.error} errors, ${summary.violations.warning} warnings, ${summary.violations.info} notes`;
  return `${counts} · ${violations}`;
}

function wrap(words: string[], width = 96): string[] {
  const lines: string[] = [];
  let line = ' ';
  for (const word of words) {
    if (line.length + word.length + 2 > width) {
      lines.push(line.replace(/,$/, ','));
      line = ' ';
    }
    line += ` ${word},`;
  }
  if (line.trim() !== '') lines.push(line.replace(/,$/, ''));
  return lines;
}
