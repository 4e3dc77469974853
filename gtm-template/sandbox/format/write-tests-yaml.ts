import { stringify } from 'yaml';
import type { TestScenario } from '../contract.js';

/**
 * `___TESTS___` in the literal-block style people write and review (`code: |-`), rather than
 * the double-quoted folded scalars GTM's exporter writes; both are the same YAML values
 * (reference §1.6). Scenario objects carry only `name` and `code`; `setup` is left out when empty.
 */
export function writeTestsYaml(tests: { scenarios: TestScenario[]; setup: string }): string {
  const document: { scenarios: TestScenario[]; setup?: string } = {
    scenarios: tests.scenarios.map((scenario) => ({ name: scenario.name, code: scenario.code })),
  };
  if (tests.setup !== '') document.setup = tests.setup;
  return stringify(document, {
    blockQuote: 'literal',
    lineWidth: 0,
    indentSeq: false,
  }).replace(/\n+$/, '');
}
