import type { TemplateFinding } from '../../../gtm-template/sandbox/format/template-finding.js';

/**
 * The human form: one line per finding (`file:line:column  severity  rule  message`, with the
 * `.tpl` section when there is one), its hint under it, and a count line at the end.
 */
export function renderFindingsText(
  findings: readonly TemplateFinding[],
  checkedCount: number,
): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const section = finding.section ? ` [___${finding.section}___]` : '';
    lines.push(
      `${finding.file}:${finding.line}:${finding.column}${section}  ${finding.severity.padEnd(7)}  ${finding.ruleId}  ${finding.message}`,
    );
    lines.push(`    → ${finding.hint}`);
  }
  if (findings.length > 0) lines.push('');
  lines.push(countLine(findings, checkedCount));
  return lines.join('\n') + '\n';
}

/** The machine form: the findings and the counts, as one JSON document. */
export function renderFindingsJson(
  findings: readonly TemplateFinding[],
  checkedCount: number,
): string {
  const { errors, warnings } = counts(findings);
  return JSON.stringify({ templates: checkedCount, errors, warnings, findings }, null, 2) + '\n';
}

function countLine(findings: readonly TemplateFinding[], checkedCount: number): string {
  const { errors, warnings } = counts(findings);
  const templates = `${checkedCount} template${checkedCount === 1 ? '' : 's'}`;
  return `${templates} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

function counts(findings: readonly TemplateFinding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}
