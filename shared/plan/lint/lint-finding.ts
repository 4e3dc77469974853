import type { Severity } from '../../events/event-types.js';

/**
 * One problem `tagwarden plan lint` found in a plan: which rule, how serious, where (a JSON
 * Pointer into the plan in tagwarden's layout, plus the file position when known), what is
 * wrong and how to fix it.
 */
export interface LintFinding {
  ruleId: string;
  severity: Severity;
  path: string;
  message: string;
  hint: string;
  file?: string;
  line?: number;
  column?: number;
}

export type ReportFinding = (finding: LintFinding) => void;
