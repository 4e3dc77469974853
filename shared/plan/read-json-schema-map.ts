import { checkEventSchema } from './check-event-schema.js';
import { checkJsonSchema } from './check-json-schema.js';
import { appendPointer } from './json-pointer.js';
import { positionOf } from './plan-positions.js';
import type { PlanIssues } from './plan-issues.js';
import type { JsonSchema, PlannedEvent, TrackingPlan } from './plan-types.js';
import { defaultGlobals } from './read-plan-globals.js';
import { plannedEventFromSchema } from './planned-event-from-schema.js';
import { defaultLayerMappings } from './read-plan-layers.js';
import { isRecord } from './read-plan-values.js';
import { baseName } from './read-tagwarden-plan.js';

const definitionKeys = ['$defs', 'definitions'];

/**
 * A plain map of event name → JSON Schema of the event's properties. Top-level `$defs` or
 * `definitions` are shared by every event, so `#/$defs/item` resolves in each of them.
 */
export function readJsonSchemaMap(
  document: Record<string, unknown>,
  fileName: string,
  issues: PlanIssues,
): TrackingPlan {
  const shared: Record<string, Record<string, unknown>> = {};
  for (const key of definitionKeys) {
    const definitions = document[key];
    if (isRecord(definitions)) shared[key] = definitions;
  }
  checkSharedDefinitions(shared, issues);

  const events: Record<string, PlannedEvent> = {};
  for (const [name, own] of Object.entries(document)) {
    if (definitionKeys.includes(name)) continue;
    const pointer = appendPointer('', name);
    const schema = withSharedDefinitions(own as JsonSchema, shared);
    checkEventSchema(schema, own as JsonSchema, pointer, `event "${name}"`, issues);
    events[name] = plannedEventFromSchema(
      name,
      schema,
      positionOf(issues.positions, pointer, 'key'),
    );
  }

  return {
    name: baseName(fileName),
    version: '',
    globals: defaultGlobals(),
    layers: defaultLayerMappings(),
    events,
    $defs: (shared['$defs'] ?? {}) as Record<string, JsonSchema>,
    source: { format: 'json-schema-map', fileName },
  };
}

function checkSharedDefinitions(
  shared: Record<string, Record<string, unknown>>,
  issues: PlanIssues,
): void {
  for (const [key, definitions] of Object.entries(shared)) {
    for (const [name, schema] of Object.entries(definitions)) {
      checkJsonSchema(schema, appendPointer(appendPointer('', key), name), `definition "${name}"`, {
        issues,
        refRoot: shared,
        quietKeys: new Set(),
      });
    }
  }
}

function withSharedDefinitions(
  own: JsonSchema,
  shared: Record<string, Record<string, unknown>>,
): JsonSchema {
  if (!isRecord(own)) return own;
  const schema: Record<string, unknown> = { ...own };
  delete schema['$id'];
  for (const [key, definitions] of Object.entries(shared)) {
    if (schema[key] === undefined) schema[key] = definitions;
  }
  return schema;
}
