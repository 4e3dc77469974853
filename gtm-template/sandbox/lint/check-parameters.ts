import type { ParsedTemplate } from '../contract.js';
import { checkParameterRules } from './check-parameter-rules.js';
import { collectFields, isRecord, type FieldAt } from './collect-parameter-names.js';
import type { LintProblem } from './lint-problem.js';
import { parameterProblem as problem } from './parameter-problem.js';

// The eight field types seen across ~2,200 real parameters (reference §1.3).
const fieldTypes = new Set([
  'TEXT',
  'SELECT',
  'CHECKBOX',
  'RADIO',
  'SIMPLE_TABLE',
  'PARAM_TABLE',
  'GROUP',
  'LABEL',
]);
// A SIMPLE_TABLE column is a TEXT or a SELECT (reference §1.3).
const columnTypes = new Set(['TEXT', 'SELECT']);
const keyless = new Set(['GROUP', 'LABEL']);
// What each type cannot do without (reference §1.3).
const listKeys: Record<string, string> = {
  SELECT: 'selectItems',
  RADIO: 'radioItems',
  SIMPLE_TABLE: 'simpleTableColumns',
  PARAM_TABLE: 'paramTableColumns',
};
const camelCase = /^[a-z][a-zA-Z0-9]*$/;

/**
 * Field definitions as GTM's editor needs them: a known type, a name and a label, the items or
 * columns their type needs, unique camelCase names (they can never be renamed once containers
 * save them, STYLE), and well-formed validators and enabling conditions.
 */
export function checkParameters(template: ParsedTemplate): LintProblem[] {
  const fields = collectFields(template.parameters);
  const problems: LintProblem[] = [];
  template.parameters.forEach((item, index) => {
    if (!isRecord(item))
      problems.push(
        problem(
          'params/missing-key',
          [index],
          'A field must be a JSON object.',
          'Write it as {"type": "TEXT", "name": …, "displayName": …}.',
        ),
      );
  });
  for (const at of fields) problems.push(...fieldProblems(at));
  problems.push(...duplicateNames(fields));
  problems.push(...checkParameterRules(fields));
  return problems;
}

function fieldProblems({ field, path }: FieldAt): LintProblem[] {
  const problems: LintProblem[] = [];
  const type = field['type'];
  const isSimpleColumn = path.includes('simpleTableColumns');
  const known = isSimpleColumn ? columnTypes : fieldTypes;
  if (typeof type !== 'string' || !known.has(type)) {
    problems.push(
      problem(
        'params/unknown-type',
        [...path, 'type'],
        `Field type ${JSON.stringify(type) ?? 'missing'} is not one GTM knows.`,
        `Use one of ${[...known].join(', ')}.`,
      ),
    );
  }
  for (const key of ['name', 'displayName']) {
    if (typeof field[key] !== 'string') {
      problems.push(
        problem(
          'params/missing-key',
          path,
          `A field needs a text \`${key}\`.`,
          key === 'name'
            ? 'Name it in camelCase; code reads it as data.<name>.'
            : 'Give it a label (it may be "" for a checkbox that has checkboxText).',
        ),
      );
    }
  }
  const listKey = typeof type === 'string' && !isSimpleColumn ? listKeys[type] : undefined;
  if (listKey !== undefined && !Array.isArray(field[listKey])) {
    problems.push(
      problem(
        'params/missing-key',
        path,
        `A ${String(type)} field needs a \`${listKey}\` list.`,
        `Add "${listKey}": [ … ] with the ${listKey === 'selectItems' || listKey === 'radioItems' ? 'choices' : 'columns'}.`,
      ),
    );
  }
  const name = field['name'];
  if (typeof name === 'string' && !keyless.has(String(type)) && !camelCase.test(name)) {
    problems.push(
      problem(
        'params/name-case',
        [...path, 'name'],
        `Field name \`${name}\` is not camelCase.`,
        `Rename it (e.g. ${toCamelCase(name)}) before the first release: saved containers keep the name forever.`,
      ),
    );
  }
  return problems;
}

function duplicateNames(fields: readonly FieldAt[]): LintProblem[] {
  const seen = new Map<string, FieldAt>();
  const problems: LintProblem[] = [];
  for (const at of fields) {
    const name = at.field['name'];
    if (typeof name !== 'string') continue;
    const key = `${at.scope}\u0000${name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, at);
      continue;
    }
    const where = at.scope === 'data' ? 'the template' : `the table ${at.scope.slice(6)}`;
    problems.push(
      problem(
        'params/duplicate-name',
        [...at.path, 'name'],
        `Two fields of ${where} are named \`${name}\`.`,
        'Rename one: the later field would overwrite the earlier one in data.',
      ),
    );
  }
  return problems;
}

function toCamelCase(name: string): string {
  const words = name.split(/[^a-zA-Z0-9]+/).filter((word) => word !== '');
  return (
    words
      .map((word, index) =>
        index === 0
          ? word.charAt(0).toLowerCase() + word.slice(1)
          : word.charAt(0).toUpperCase() + word.slice(1),
      )
      .join('') || 'fieldName'
  );
}
