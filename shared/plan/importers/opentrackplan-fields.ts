import type { JsonSchema } from '../plan-types.js';
import { isRecord, listOf, putEntry, textOf } from './plain-data.js';

/** Looks up a dictionary's values by its reference (`data/application_id`). */
export type DictionaryLookup = (reference: string) => unknown[] | undefined;

/** What turning fields into a schema needs from the rest of the plan. */
export interface FieldContext {
  dictionary: DictionaryLookup;
  /** Portable named checks (`spec.checks`): their constraint keywords. */
  checks: Record<string, unknown>;
  /** Reports a field whose meaning cannot be carried over. */
  warn(field: string, message: string): void;
}

// Portable constraint keywords (opentp-spec field.schema.json), identical in JSON Schema.
const constraintKeywords = [
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
];

/**
 * One field merged over its layers: catalog, common fields of every target, common fields of
 * the target, then the event. Later layers narrow earlier ones; `required` once true stays true.
 */
export function mergeField(layers: unknown[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  let isRequired = false;
  for (const layer of layers) {
    if (!isRecord(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (key === 'enum' || key === 'dict' || key === 'value') {
        delete merged['enum'];
        delete merged['dict'];
      }
      putEntry(merged, key, value);
    }
    if (layer['required'] === true) isRequired = true;
  }
  merged['required'] = isRequired;
  return merged;
}

/** Whether a merged field is present in every hit: required, fixed by a value, or by policy. */
export function isFieldRequired(field: Record<string, unknown>): boolean {
  return (
    field['required'] === true ||
    field['value'] !== undefined ||
    field['policy'] === 'restricted' ||
    field['policy'] === 'fixed'
  );
}

/** The JSON Schema of a merged OpenTrackPlan field. */
export function fieldSchema(
  name: string,
  field: Record<string, unknown>,
  context: FieldContext,
): JsonSchema {
  const schema = scalarSchema(name, field, context);
  if (field['value'] !== undefined) schema['const'] = field['value'];
  const description = textOf(field['description']) ?? textOf(field['title']);
  if (description !== undefined) schema['description'] = description;
  if (isRecord(field['items'])) schema['items'] = scalarSchema(name, field['items'], context);
  return schema;
}

function scalarSchema(
  name: string,
  field: Record<string, unknown>,
  context: FieldContext,
): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  if (typeof field['type'] === 'string') schema['type'] = field['type'];
  for (const keyword of constraintKeywords)
    if (field[keyword] !== undefined) schema[keyword] = field[keyword];
  applyChecks(name, field['checks'], schema, context);
  if (Array.isArray(field['enum'])) schema['enum'] = field['enum'];
  else if (typeof field['dict'] === 'string') applyDictionary(name, field['dict'], schema, context);
  return schema;
}

function applyDictionary(
  name: string,
  reference: string,
  schema: Record<string, unknown>,
  context: FieldContext,
): void {
  const values = context.dictionary(reference);
  if (values === undefined || values.length === 0) {
    context.warn(
      name,
      `The dictionary "${reference}" is not among these files, so "${name}" accepts any value of its type.`,
    );
    return;
  }
  schema['enum'] = values;
}

function applyChecks(
  name: string,
  checks: unknown,
  schema: Record<string, unknown>,
  context: FieldContext,
): void {
  if (!isRecord(checks)) return;
  for (const [id, setting] of Object.entries(checks)) {
    if (setting === false) continue;
    const check = context.checks[id];
    if (!isRecord(check)) {
      context.warn(
        name,
        `The check "${id}" on "${name}" is defined by a tool, not the plan; it is not translated.`,
      );
      continue;
    }
    for (const keyword of constraintKeywords)
      if (check[keyword] !== undefined && schema[keyword] === undefined)
        schema[keyword] = check[keyword];
  }
}

/** The values of a dictionary document (`dict: {type, values}`). */
export function dictionaryValues(document: unknown): unknown[] | undefined {
  if (!isRecord(document) || !isRecord(document['dict'])) return undefined;
  const values = listOf(document['dict']['values']);
  return values.filter(
    (value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean',
  );
}
