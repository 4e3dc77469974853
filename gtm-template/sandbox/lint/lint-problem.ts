import type { SectionName } from '../format/section-names.js';
import type { LintRuleId } from './lint-rules.js';

/**
 * Where a lint problem is, before it is placed in a file: the same problem lands on a line of
 * `template.tpl` when a built file is linted, and on a line of `template.js`,
 * `parameters.json`… when a source folder is.
 */
export type ProblemPlace =
  /** 1-based line and column inside the code section. */
  | { kind: 'code'; line: number; column: number }
  /** A value inside a JSON section, by JSON path. */
  | { kind: 'json'; section: SectionName; path: ReadonlyArray<string | number> }
  /** A section as a whole (its marker line). */
  | { kind: 'section'; section: SectionName }
  /** A file beside the template (gallery files), with its own line and column. */
  | { kind: 'file'; file: string; line: number; column: number };

/** A lint rule's verdict on one spot; severity comes from the rule table. */
export interface LintProblem {
  ruleId: LintRuleId;
  place: ProblemPlace;
  message: string;
  hint: string;
}
