import type { ParsedTemplate } from '../contract.js';
import { codePlace, propertyKeyName, type CodeFacts } from './code-facts.js';
import { collectFields, dataKeys, tableColumns } from './collect-parameter-names.js';
import type { LintProblem } from './lint-problem.js';
import { walkAst } from './walk-ast.js';

// Tags also get these two callbacks on `data` (reference §1.3; the only `data.gtm*` members
// in 142 real files).
const tagCallbacks = ['gtmOnSuccess', 'gtmOnFailure'];

/**
 * `data.x` reads against the fields the template declares: a read of a name no field has is
 * always `undefined` at run time. Computed reads with a non-literal key are not checked.
 */
export function checkDataReads(facts: CodeFacts, template: ParsedTemplate): LintProblem[] {
  if (facts.declaredNames.has('data')) return [];
  const fields = collectFields(template.parameters);
  const keys = dataKeys(fields);
  const columns = tableColumns(fields);
  const problems: LintProblem[] = [];

  walkAst(facts.program, (node) => {
    if (
      node.type !== 'MemberExpression' ||
      node.object.type !== 'Identifier' ||
      node.object.name !== 'data'
    )
      return;
    const name =
      node.computed && node.property.type !== 'Literal'
        ? undefined
        : propertyKeyName(node.property);
    if (name === undefined || keys.has(name)) return;
    if (template.kind === 'TAG' && tagCallbacks.includes(name)) return;
    problems.push({
      ruleId: 'data/unknown-parameter',
      place: codePlace(node.property),
      ...explain(name, template.kind, columns),
    });
  });
  return problems;
}

function explain(
  name: string,
  kind: ParsedTemplate['kind'],
  columns: ReadonlyMap<string, string>,
): { message: string; hint: string } {
  if (tagCallbacks.includes(name)) {
    return {
      message: `data.${name} exists only in tag templates; this is a ${kind === 'MACRO' ? 'variable' : 'client'}.`,
      hint:
        kind === 'MACRO'
          ? 'A variable returns its value instead of calling back.'
          : 'A client finishes with returnResponse() (and runContainer for the event).',
    };
  }
  const table = columns.get(name);
  if (table !== undefined) {
    return {
      message: `\`${name}\` is a column of the table \`${table}\`, not a key of data.`,
      hint: `Read it from each row: data.${table}.forEach(function (row) { … row.${name} … }).`,
    };
  }
  return {
    message: `No field is named \`${name}\`, so data.${name} is always undefined.`,
    hint: 'Add the field to the template parameters, or fix the name (names are case-sensitive).',
  };
}
