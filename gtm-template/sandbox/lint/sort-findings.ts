import type { TemplateFinding } from '../format/template-finding.js';

/** Findings in reading order: by file, then line, then column. */
export function sortFindings(findings: readonly TemplateFinding[]): TemplateFinding[] {
  return [...findings].sort(
    (left, right) =>
      (left.file < right.file ? -1 : left.file > right.file ? 1 : 0) ||
      left.line - right.line ||
      left.column - right.column,
  );
}
