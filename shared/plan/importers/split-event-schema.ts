import { annotationKeywords } from '../json-schema-keywords.js';
import type { JsonSchema } from '../plan-types.js';
import type { PlanDocumentEvent } from './import-types.js';
import { isRecord, putEntry } from './plain-data.js';

/** Keywords a tagwarden event takes as they are (docs/tracking-plan.md, "Events"). */
const eventKeywords = new Set([
  'dependentRequired',
  'dependentSchemas',
  'anyOf',
  'allOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'minProperties',
  'maxProperties',
  'patternProperties',
  'propertyNames',
  'unevaluatedProperties',
]);

/**
 * The settings of a tagwarden event from a JSON Schema of its properties: `properties`,
 * `required` and `additionalProperties: false` map directly; a schema-valued
 * `additionalProperties` and keywords a tagwarden event has no place for (a root `enum`, a
 * non-object `type`) are kept exactly, inside `allOf`.
 */
export function splitEventSchema(schema: JsonSchema): PlanDocumentEvent {
  const event: PlanDocumentEvent = {};
  if (schema === true) return event;
  if (schema === false) return { not: {} };
  if (isRecord(schema['properties'])) event['properties'] = schema['properties'];
  if (Array.isArray(schema['required']) && schema['required'].length > 0)
    event['required'] = schema['required'];

  const extra: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'properties' || keyword === 'required' || keyword === '$defs') continue;
    if (keyword === 'definitions' || keyword.startsWith('x-')) continue;
    if (annotationKeywords.has(keyword)) continue;
    if (keyword === 'type' && isObjectType(value)) continue;
    if (keyword === 'additionalProperties') {
      if (value === false) event['additionalProperties'] = false;
      else if (value !== true) addAdditionalSchema(schema, value, extra);
      continue;
    }
    if (eventKeywords.has(keyword)) putEntry(event, keyword, value);
    else putEntry(extra, keyword, value);
  }
  if (Object.keys(extra).length > 0) addAllOf(event, extra);
  return event;
}

function isObjectType(value: unknown): boolean {
  return value === 'object' || (Array.isArray(value) && value.includes('object'));
}

// `additionalProperties: {schema}` only sees the `properties` beside it, so the event's
// property names travel with it into the `allOf` entry.
function addAdditionalSchema(
  schema: Record<string, unknown>,
  value: unknown,
  extra: Record<string, unknown>,
): void {
  const names = isRecord(schema['properties']) ? Object.keys(schema['properties']) : [];
  const stubs: Record<string, boolean> = {};
  for (const name of names) putEntry(stubs, name, true);
  extra['properties'] = stubs;
  extra['additionalProperties'] = value;
}

function addAllOf(event: PlanDocumentEvent, extra: Record<string, unknown>): void {
  const existing = Array.isArray(event['allOf']) ? (event['allOf'] as unknown[]) : [];
  event['allOf'] = [...existing, extra];
}
