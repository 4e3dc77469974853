import type { SectionName } from './section-names.js';
import type { TemplateSection } from './split-sections.js';
import type { FindingSeverity, TemplateFinding } from './template-finding.js';

/** What a check knows about a problem; the position is relative to the section's body. */
export interface SectionProblem {
  ruleId: string;
  severity: FindingSeverity;
  /** 1-based line inside the section body. */
  line: number;
  column: number;
  message: string;
  hint: string;
}

/** A finding at a line and column of a section's body, placed at its line in the file. */
export function sectionFinding(
  file: string,
  section: TemplateSection,
  problem: SectionProblem,
): TemplateFinding {
  return {
    ruleId: problem.ruleId,
    severity: problem.severity,
    file,
    section: section.name,
    line: section.bodyLine + problem.line - 1,
    column: problem.column,
    message: problem.message,
    hint: problem.hint,
  };
}

/** A finding about a whole section, placed on its marker line (or line 1 when it is missing). */
export function markerFinding(
  file: string,
  section: SectionName,
  markerLine: number,
  problem: Omit<SectionProblem, 'line' | 'column'>,
): TemplateFinding {
  return { ...problem, file, section, line: markerLine, column: 1 };
}
