import type { SectionName } from './section-names.js';

/** How much a finding matters: errors fail `tagwarden template lint`, warnings do not. */
export type FindingSeverity = 'error' | 'warning';

/**
 * One problem found in a template file or its sources: which rule, where (file, section,
 * 1-based line and column in that file), what is wrong and how to fix it.
 */
export interface TemplateFinding {
  ruleId: string;
  severity: FindingSeverity;
  file: string;
  /** The `.tpl` section the finding is in; absent for files that are not `.tpl` sections. */
  section?: SectionName;
  line: number;
  column: number;
  message: string;
  hint: string;
}
