import type { LintProblem } from './lint-problem.js';

/** A problem at a JSON path inside `___TEMPLATE_PARAMETERS___`. */
export function parameterProblem(
  ruleId: LintProblem['ruleId'],
  path: Array<string | number>,
  message: string,
  hint: string,
): LintProblem {
  return { ruleId, place: { kind: 'json', section: 'TEMPLATE_PARAMETERS', path }, message, hint };
}
