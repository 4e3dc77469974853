import type { PlanFormat } from './plan-types.js';
import { isRecord } from './read-plan-values.js';

const schemaMarkers = [
  'type',
  'properties',
  'required',
  '$ref',
  'anyOf',
  'allOf',
  'oneOf',
  'enum',
  'const',
  'additionalProperties',
  'items',
  'not',
  'if',
];
const sharedDefinitionKeys = ['$defs', 'definitions'];

/**
 * Which plan format a parsed document is written in, or `null` when it matches none:
 * Segment Protocols (the Config API export `{rules: {events: [...]}}` or a typewriter local
 * plan `{events: [{name, rules}]}`), tagwarden's own (`events` as a map, `globals`, `layers`),
 * or a plain map of event name → JSON Schema of its properties.
 */
export function detectPlanFormat(document: unknown): PlanFormat | null {
  if (!isRecord(document)) return null;
  if (isSegmentPlan(document)) return 'segment-protocols';
  if ('events' in document || 'globals' in document || 'layers' in document) return 'tagwarden';
  if (isJsonSchemaMap(document)) return 'json-schema-map';
  return null;
}

function isSegmentPlan(document: Record<string, unknown>): boolean {
  const rules = document['rules'];
  if (isRecord(rules) && Array.isArray(rules['events'])) return true;
  const events = document['events'];
  return Array.isArray(events) && events.some((event) => isRecord(event) && 'rules' in event);
}

function isJsonSchemaMap(document: Record<string, unknown>): boolean {
  if (schemaMarkers.some((marker) => marker in document) || '$schema' in document) return false;
  const entries = Object.entries(document).filter(([key]) => !sharedDefinitionKeys.includes(key));
  if (entries.length === 0) return false;
  return entries.every(
    ([, schema]) =>
      schema === true ||
      (isRecord(schema) &&
        (Object.keys(schema).length === 0 || schemaMarkers.some((marker) => marker in schema))),
  );
}
