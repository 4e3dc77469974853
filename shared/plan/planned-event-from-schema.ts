import type { JsonSchema, PlannedEvent, SourcePosition } from './plan-types.js';
import { allLayers } from './read-plan-globals.js';
import { isRecord } from './read-plan-values.js';

/**
 * A planned event whose whole definition is one JSON Schema (Segment rules, JSON Schema maps):
 * the listed properties, `required` and `additionalProperties` are read from the schema root.
 */
export function plannedEventFromSchema(
  name: string,
  schema: JsonSchema,
  position: SourcePosition,
  description?: unknown,
): PlannedEvent {
  const root = isRecord(schema) ? schema : {};
  const properties = isRecord(root['properties'])
    ? (root['properties'] as Record<string, JsonSchema>)
    : {};
  const required = Array.isArray(root['required'])
    ? root['required'].filter((item): item is string => typeof item === 'string')
    : [];
  const event: PlannedEvent = {
    name,
    status: 'active',
    layers: [...allLayers],
    properties,
    required,
    additionalProperties: root['additionalProperties'] !== false,
    uniqueBy: [],
    userProperties: {},
    schema,
    position,
  };
  if (typeof description === 'string') event.description = description;
  return event;
}
