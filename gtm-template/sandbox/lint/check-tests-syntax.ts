import type { ParsedTemplate } from '../contract.js';
import type { LintProblem } from './lint-problem.js';
import { parseTemplateCode } from './parse-template-code.js';

/**
 * Each scenario runs as one function body: the setup code, then the scenario's code, in the
 * same scope (reference §4.1). A scenario that does not parse fails before it starts.
 */
export function checkTestsSyntax(template: ParsedTemplate): LintProblem[] {
  const problems: LintProblem[] = [];
  const setupLines = template.tests.setup === '' ? 0 : template.tests.setup.split('\n').length;
  if (setupLines > 0) {
    const setup = parseTemplateCode(template.tests.setup);
    if (!setup.ok) {
      problems.push(
        problem(`The test setup does not parse: ${setup.message} (setup line ${setup.line}).`),
      );
      return problems;
    }
  }
  for (const scenario of template.tests.scenarios) {
    const body = setupLines > 0 ? `${template.tests.setup}\n${scenario.code}` : scenario.code;
    const parsed = parseTemplateCode(body);
    if (parsed.ok) continue;
    const line = parsed.line - setupLines;
    problems.push(
      problem(
        `Scenario "${scenario.name}" does not parse: ${parsed.message} (line ${line} of its code).`,
      ),
    );
  }
  return problems;
}

function problem(message: string): LintProblem {
  return {
    ruleId: 'tests/syntax',
    place: { kind: 'section', section: 'TESTS' },
    message,
    hint: 'Fix the test code; it is sandboxed JavaScript like the template code.',
  };
}
