import type { OutputUnit } from '@cfworker/json-schema';
import type { Violation, ViolationCode } from '../events/event-types.js';
import { appendPointer, escapePointerToken } from '../plan/json-pointer.js';
import type { JsonSchema } from '../plan/plan-types.js';
import { describeLeaf } from './describe-schema-error.js';
import { instanceAt, locationTokens, schemaHolding } from './schema-location.js';

/** What the errors of one validation are about. */
export interface SchemaErrorSubject {
  eventName: string;
  schema: JsonSchema;
  instance: unknown;
  /** Prefix for paths outside the event properties (`/user_properties`). */
  pathPrefix: string;
}

// cfworker reports a parent error for each applicator whose children failed, then the
// children themselves; only the children say what is wrong.
const wrapperKeywords = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  '$ref',
  '$recursiveRef',
  'allOf',
  'if',
  'dependentSchemas',
  'propertyNames',
]);

// Errors whose following entries are failed alternatives, not separate problems.
const alternativeKeywords = new Set(['anyOf', 'oneOf', 'contains']);

/**
 * Violations from cfworker's full error list (`shortCircuit: false`): one per leaf error,
 * each with a code by keyword, a JSON Pointer path, a message naming the property and the fix,
 * and the expected and (safely echoed) actual values. The failed branches of an `anyOf` or
 * `oneOf` become a single violation.
 */
export function schemaErrorsToViolations(
  errors: OutputUnit[],
  subject: SchemaErrorSubject,
): Violation[] {
  const violations: Violation[] = [];
  for (let index = 0; index < errors.length; index++) {
    const error = errors[index] as OutputUnit;
    if (alternativeKeywords.has(error.keyword)) {
      const branchPrefix = `${error.keywordLocation}/`;
      const branches: OutputUnit[] = [];
      while (errors[index + 1]?.keywordLocation.startsWith(branchPrefix))
        branches.push(errors[++index] as OutputUnit);
      violations.push(alternativeViolation(error, branches, subject));
      continue;
    }
    if (wrapperKeywords.has(error.keyword) || isDependencyWrapper(error)) continue;
    violations.push(...leafViolations(error, errors[index - 1], subject));
  }
  return violations;
}

function leafViolations(
  error: OutputUnit,
  previous: OutputUnit | undefined,
  subject: SchemaErrorSubject,
): Violation[] {
  const path = subject.pathPrefix + pointerOf(error.instanceLocation);
  const holder = schemaHolding(subject.schema, error.keywordLocation) ?? {};
  const value = instanceAt(subject.instance, error.instanceLocation);

  if (error.keyword === 'required') {
    const key = quotedName(error.error, 'Instance does not have required property "');
    return [
      describeLeaf('missing_required', 'required', {
        path: key === undefined ? path : appendPointer(path, key),
        holder,
        value: undefined,
        subject,
        error,
        key,
      }),
    ];
  }
  if (error.keyword === 'dependentRequired' || error.keyword === 'dependencies') {
    return missingDependencies(holder, value, path, subject, error);
  }
  const code = error.keyword === 'false' ? falseSchemaCode(previous) : codeFor(error.keyword);
  return [describeLeaf(code, error.keyword, { path, holder, value, subject, error })];
}

function missingDependencies(
  holder: Record<string, unknown>,
  value: unknown,
  path: string,
  subject: SchemaErrorSubject,
  error: OutputUnit,
): Violation[] {
  const map = (holder['dependentRequired'] ?? holder['dependencies']) as
    Record<string, unknown> | undefined;
  const present = typeof value === 'object' && value !== null ? value : {};
  for (const [trigger, needed] of Object.entries(map ?? {})) {
    if (!Array.isArray(needed) || !Object.hasOwn(present, trigger)) continue;
    for (const key of needed) {
      if (typeof key !== 'string' || Object.hasOwn(present, key)) continue;
      if (error.error !== `Instance has "${trigger}" but does not have "${key}".`) continue;
      return [
        describeLeaf('missing_required', 'dependentRequired', {
          path: appendPointer(path, key),
          holder,
          value: undefined,
          subject,
          error,
          key,
          trigger,
        }),
      ];
    }
  }
  return [
    describeLeaf('missing_required', 'dependentRequired', {
      path,
      holder,
      value: undefined,
      subject,
      error,
    }),
  ];
}

function alternativeViolation(
  error: OutputUnit,
  branches: OutputUnit[],
  subject: SchemaErrorSubject,
): Violation {
  const path = subject.pathPrefix + pointerOf(error.instanceLocation);
  const holder = schemaHolding(subject.schema, error.keywordLocation) ?? {};
  const value = instanceAt(subject.instance, error.instanceLocation);
  const leaves = branches.filter(
    (branch) => !wrapperKeywords.has(branch.keyword) && !alternativeKeywords.has(branch.keyword),
  );
  const alternatives = leaves.map((leaf) =>
    quotedName(leaf.error, 'Instance does not have required property "'),
  );
  const isEachMissing =
    leaves.length > 0 &&
    leaves.every(
      (leaf) => leaf.keyword === 'required' && leaf.instanceLocation === error.instanceLocation,
    );
  if (error.keyword === 'anyOf' && isEachMissing) {
    const names = [...new Set(alternatives.filter((name): name is string => name !== undefined))];
    return describeLeaf('missing_required', 'anyOf-required', {
      path,
      holder,
      value: undefined,
      subject,
      error,
      alternatives: names,
    });
  }
  return describeLeaf('schema_violation', error.keyword, { path, holder, value, subject, error });
}

function codeFor(keyword: string): ViolationCode {
  switch (keyword) {
    case 'type':
      return 'type_mismatch';
    case 'enum':
    case 'const':
      return 'enum_mismatch';
    case 'pattern':
    case 'format':
      return 'pattern_mismatch';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return 'out_of_range';
    default:
      return 'schema_violation';
  }
}

// A `false` schema reached through a property keyword means "this property may not be here".
function falseSchemaCode(previous: OutputUnit | undefined): ViolationCode {
  const parent = previous?.keyword;
  const isPropertyKeyword =
    parent === 'additionalProperties' ||
    parent === 'unevaluatedProperties' ||
    parent === 'properties' ||
    parent === 'patternProperties';
  return isPropertyKeyword ? 'unexpected_property' : 'schema_violation';
}

function isDependencyWrapper(error: OutputUnit): boolean {
  return (
    error.keyword === 'dependencies' && error.error.endsWith('does not match dependant schema.')
  );
}

/** The name between a known message prefix and the closing `".`. */
function quotedName(message: string, prefix: string): string | undefined {
  if (!message.startsWith(prefix) || !message.endsWith('".')) return undefined;
  return message.slice(prefix.length, -2);
}

function pointerOf(location: string): string {
  return locationTokens(location)
    .map((token) => `/${escapePointerToken(token)}`)
    .join('');
}
