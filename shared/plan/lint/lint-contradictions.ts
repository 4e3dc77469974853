import { appendPointer } from '../json-pointer.js';
import type { ReportFinding } from './lint-finding.js';
import { declaredTypes, hasType, isNode, type SchemaVisit } from './walk-schema.js';

const rangePairs: Array<[string, string, 'strict' | 'loose']> = [
  ['minimum', 'maximum', 'loose'],
  ['exclusiveMinimum', 'maximum', 'strict'],
  ['minimum', 'exclusiveMaximum', 'strict'],
  ['exclusiveMinimum', 'exclusiveMaximum', 'strict'],
  ['minLength', 'maxLength', 'loose'],
  ['minItems', 'maxItems', 'loose'],
  ['minProperties', 'maxProperties', 'loose'],
  ['minContains', 'maxContains', 'loose'],
];

/**
 * Constraints that no value can meet: a lower bound above the upper one, `enum`/`const`
 * values of a type the schema forbids, a required property that `additionalProperties: false`
 * forbids, a `false` or `not: {}` schema, `allOf` parts whose types never overlap.
 */
export function lintContradictions(visit: SchemaVisit, report: ReportFinding): void {
  const { schema, pointer } = visit;
  for (const [low, high, kind] of rangePairs) {
    const lower = schema[low];
    const upper = schema[high];
    if (typeof lower !== 'number' || typeof upper !== 'number') continue;
    if (kind === 'loose' ? lower <= upper : lower < upper) continue;
    report({
      ruleId: 'impossible-range',
      severity: 'error',
      path: appendPointer(pointer, low),
      message: `"${low}: ${lower}" is above "${high}: ${upper}", so no value can be valid.`,
      hint: `Swap or correct the two bounds.`,
    });
  }
  lintValueLists(visit, report);
  lintRequired(visit, report);
  lintNeverValid(visit, report);
}

function lintValueLists({ schema, pointer }: SchemaVisit, report: ReportFinding): void {
  const types = declaredTypes(schema);
  const values = Array.isArray(schema['enum']) ? schema['enum'] : undefined;
  if (values && types) {
    const wrong = values.filter((value) => !hasType(value, types));
    if (wrong.length > 0) {
      const never = wrong.length === values.length;
      report({
        ruleId: never ? 'enum-never-valid' : 'enum-value-wrong-type',
        severity: never ? 'error' : 'warning',
        path: appendPointer(pointer, 'enum'),
        message: `${never ? 'No' : 'Some'} "enum" value${wrong.length === 1 ? '' : 's'} (${wrong.map((value) => JSON.stringify(value)).join(', ')}) ${never ? 'has' : 'have'} the type ${[...types].join(' or ')}, so ${never ? 'nothing' : 'they'} can ever be valid.`,
        hint: 'Write the values with the type "type" names (e.g. 1 and "1" differ), or fix "type".',
      });
    }
  }
  if (values)
    lintDuplicates(values, appendPointer(pointer, 'enum'), 'duplicate-enum-value', report);
  if ('const' in schema && types && !hasType(schema['const'], types)) {
    report({
      ruleId: 'const-never-valid',
      severity: 'error',
      path: appendPointer(pointer, 'const'),
      message: `"const" is ${JSON.stringify(schema['const'])}, which is not of the type ${[...types].join(' or ')}: nothing can be valid.`,
      hint: 'Make "const" and "type" agree.',
    });
  }
}

function lintRequired({ schema, pointer }: SchemaVisit, report: ReportFinding): void {
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  lintDuplicates(required, appendPointer(pointer, 'required'), 'duplicate-required', report);
  const properties = isNode(schema['properties']) ? schema['properties'] : {};
  const isClosed = schema['additionalProperties'] === false && !isNode(schema['patternProperties']);
  for (const name of required) {
    if (typeof name !== 'string') continue;
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (property === undefined && isClosed) {
      report({
        ruleId: 'required-not-allowed',
        severity: 'error',
        path: appendPointer(pointer, 'required'),
        message: `"${name}" is required but not under "properties", and "additionalProperties: false" forbids it: nothing can be valid.`,
        hint: `Add "${name}" under "properties", or remove it from "required".`,
      });
    }
    if (property === false) {
      report({
        ruleId: 'required-never-valid',
        severity: 'error',
        path: appendPointer(appendPointer(pointer, 'properties'), name),
        message: `"${name}" is required, but its schema is false: nothing can be valid.`,
        hint: `Give "${name}" a schema, or stop requiring it.`,
      });
    }
  }
}

function lintNeverValid({ schema, pointer }: SchemaVisit, report: ReportFinding): void {
  const not = schema['not'];
  if (not === true || (isNode(not) && Object.keys(not).length === 0)) {
    report({
      ruleId: 'schema-never-valid',
      severity: 'error',
      path: appendPointer(pointer, 'not'),
      message: '"not" rules out every value here, so nothing can be valid.',
      hint: 'Remove "not", or give it the schema of what must not appear.',
    });
  }
  const parts = Array.isArray(schema['allOf']) ? schema['allOf'].filter(isNode) : [];
  const typed = [schema, ...parts].map(declaredTypes).filter((types) => types !== undefined);
  if (typed.length < 2) return;
  const common = typed.reduce(
    (shared, types) =>
      new Set(
        [...shared].filter(
          (type) =>
            types.has(type) ||
            (type === 'integer' && types.has('number')) ||
            (type === 'number' && types.has('integer')),
        ),
      ),
  );
  if (common.size === 0) {
    report({
      ruleId: 'conflicting-types',
      severity: 'error',
      path: appendPointer(pointer, 'allOf'),
      message: 'The types required here and in "allOf" never overlap, so nothing can be valid.',
      hint: 'Make every part of "allOf" allow the same type.',
    });
  }
}

function lintDuplicates(
  values: unknown[],
  path: string,
  ruleId: string,
  report: ReportFinding,
): void {
  const seen = new Set<string>();
  for (const value of values) {
    const key = JSON.stringify(value);
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    report({
      ruleId,
      severity: 'warning',
      path,
      message: `${key} is listed twice.`,
      hint: 'List each value once.',
    });
  }
}
