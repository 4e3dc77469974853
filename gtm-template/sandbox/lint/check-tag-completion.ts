import type { AnyNode } from 'acorn';
import { codePlace, type CodeFacts } from './code-facts.js';
import { CompletionFlow } from './completion-flow.js';
import type { States } from './completion-states.js';
import type { LintProblem } from './lint-problem.js';

/**
 * A tag must end every run by calling `data.gtmOnSuccess()` or `data.gtmOnFailure()`, or GTM's
 * preview shows it as still running (reference §2.1). Every place a path leaves the code is
 * checked: an error where no path arriving there can have called either, a warning where the
 * check cannot prove that every path did.
 */
export function checkTagCompletion(facts: CodeFacts): LintProblem[] {
  const flow = new CompletionFlow(facts);
  const result = flow.statements(facts.program.body, new Set(['no']));
  const ends: Array<{ states: States; node: AnyNode | undefined }> = [
    ...result.returns,
    { states: result.normal, node: undefined },
  ];
  const problems: LintProblem[] = [];
  for (const end of ends) {
    if (end.states.size === 0 || (end.states.size === 1 && end.states.has('yes'))) continue;
    const place = end.node ? codePlace(end.node) : endOfCode(facts);
    const where = end.node ? 'This return' : 'The end of the code';
    if (end.states.size === 1 && end.states.has('no')) {
      problems.push({
        ruleId: 'tag/never-completes',
        place,
        message: `${where} is reached without calling data.gtmOnSuccess() or data.gtmOnFailure(); GTM would show the tag as still running.`,
        hint: 'Call data.gtmOnSuccess() when the work is done (data.gtmOnFailure() when it cannot be) on this path, or pass them to the API as callbacks.',
      });
      continue;
    }
    problems.push({
      ruleId: 'tag/completion-unproven',
      place,
      message: `Cannot prove that every path reaching ${where === 'This return' ? 'this return' : 'the end of the code'} calls data.gtmOnSuccess() or data.gtmOnFailure().`,
      hint: 'Make each branch call one of them (directly, or as the callback of sendPixel, sendHttpRequest, injectScript, callLater or .then).',
    });
  }
  return problems;
}

function endOfCode(facts: CodeFacts): LintProblem['place'] {
  const end = facts.program.loc?.end ?? { line: 1, column: 0 };
  return { kind: 'code', line: end.line, column: end.column + 1 };
}
