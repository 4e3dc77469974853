import type { Severity } from '../../../shared/events/event-types.js';
import type { LintFinding } from '../../../shared/plan/lint/lint-finding.js';

export interface LintReport {
  plan: { name: string; format: string; file: string };
  findings: LintFinding[];
  summary: Record<Severity, number>;
}

/** One block per finding (`file:line:column severity rule path`, message, hint), then a total. */
export function renderLintText(report: LintReport): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    const where =
      finding.line === undefined
        ? (finding.file ?? report.plan.file)
        : `${finding.file}:${finding.line}:${finding.column}`;
    lines.push(`${where} ${finding.severity} ${finding.ruleId} ${finding.path || '/'}`);
    lines.push(`  ${finding.message}`);
    if (finding.hint) lines.push(`  → ${finding.hint}`);
  }
  const { error, warning, info } = report.summary;
  const total = `${count(error, 'error')}, ${count(warning, 'warning')}, ${count(info, 'note')} in ${report.plan.name} (${report.plan.format})`;
  lines.push(
    report.findings.length === 0
      ? `No findings in ${report.plan.name} (${report.plan.format}).`
      : total,
  );
  return `${lines.join('\n')}\n`;
}

export function renderLintJson(report: LintReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
