import { checkEventSchema } from './check-event-schema.js';
import { checkJsonSchema } from './check-json-schema.js';
import { appendPointer } from './json-pointer.js';
import { positionOf } from './plan-positions.js';
import type { PlanIssues } from './plan-issues.js';
import type { JsonSchema, PlannedEvent, TrackingPlan } from './plan-types.js';
import { defaultGlobals } from './read-plan-globals.js';
import { plannedEventFromSchema } from './planned-event-from-schema.js';
import { defaultLayerMappings } from './read-plan-layers.js';
import { isRecord, typeName } from './read-plan-values.js';
import { baseName } from './read-tagwarden-plan.js';

// Segment writes these next to JSON Schema keywords; they describe, never constrain.
const segmentAnnotations: ReadonlySet<string> = new Set(['key', 'labels', 'id']);
const definitionKeys = ['definitions', '$defs'];

/**
 * A Segment Protocols tracking plan: the Config API export or a typewriter local plan. Each
 * event rule is a JSON Schema of the whole call; the event's properties are the schema at
 * `properties.properties`. `definitions`/`$defs` of a rule travel with it, so `$ref`s written
 * as `#/definitions/...` keep resolving.
 */
export function readSegmentPlan(
  document: Record<string, unknown>,
  fileName: string,
  issues: PlanIssues,
): TrackingPlan {
  const rules = document['rules'];
  const listPointer =
    isRecord(rules) && Array.isArray(rules['events']) ? '/rules/events' : '/events';
  const list = (
    listPointer === '/events' ? document['events'] : (rules as Record<string, unknown>)['events']
  ) as unknown[];

  const events: Record<string, PlannedEvent> = {};
  const versions = new Map<string, number>();
  list.forEach((entry, index) => {
    const pointer = appendPointer(listPointer, index);
    const event = readSegmentEvent(entry, pointer, issues);
    if (!event) return;
    const version = isRecord(entry) && typeof entry['version'] === 'number' ? entry['version'] : 1;
    const previous = versions.get(event.name);
    if (previous !== undefined) {
      issues.warning(
        pointer,
        `Event "${event.name}" appears more than once; the highest version is used.`,
        'Keep one rule per event name and version.',
      );
      if (previous > version) return;
    }
    versions.set(event.name, version);
    events[event.name] = event;
  });

  return {
    name: planName(document, fileName),
    version: typeof document['update_time'] === 'string' ? document['update_time'] : '',
    globals: defaultGlobals(),
    layers: defaultLayerMappings(),
    events,
    $defs: {},
    source: { format: 'segment-protocols', fileName },
  };
}

function readSegmentEvent(
  entry: unknown,
  pointer: string,
  issues: PlanIssues,
): PlannedEvent | null {
  if (!isRecord(entry) || typeof entry['name'] !== 'string' || entry['name'] === '') {
    issues.error(
      pointer,
      'Each Segment event needs a "name" and "rules".',
      'Write {"name": "Order Completed", "rules": {...}}.',
    );
    return null;
  }
  const name = entry['name'];
  const rulesPointer = appendPointer(pointer, 'rules');
  const rules = entry['rules'] ?? {};
  if (!isRecord(rules)) {
    issues.error(
      rulesPointer,
      `The rules of "${name}" must be a JSON Schema object, not ${typeName(rules)}.`,
      'Write "rules": {"type": "object", "properties": {"properties": {...}}}.',
    );
    return null;
  }
  const own = ownPropertiesSchema(rules, name, `${rulesPointer}/properties/properties`, issues);
  if (own === null) return null;

  const schema = withDefinitions(own, rules);
  for (const key of definitionKeys) {
    checkDefinitions(rules[key], appendPointer(rulesPointer, key), name, schema, issues);
  }
  checkEventSchema(
    schema,
    own,
    `${rulesPointer}/properties/properties`,
    `event "${name}"`,
    issues,
    segmentAnnotations,
  );
  return plannedEventFromSchema(
    name,
    schema,
    positionOf(issues.positions, pointer),
    entry['description'],
  );
}

/** The rule's `properties.properties` schema: `{}` when absent, `null` when malformed. */
function ownPropertiesSchema(
  rules: Record<string, unknown>,
  name: string,
  pointer: string,
  issues: PlanIssues,
): JsonSchema | null {
  const container = rules['properties'];
  const own =
    isRecord(container) && container['properties'] !== undefined ? container['properties'] : {};
  if (typeof own === 'boolean' || isRecord(own)) return own;
  issues.error(
    pointer,
    `The properties schema of "${name}" must be an object, not ${typeName(own)}.`,
    'Write "properties": {"type": "object", "properties": {...}}.',
  );
  return null;
}

function withDefinitions(own: JsonSchema, rules: Record<string, unknown>): JsonSchema {
  if (typeof own === 'boolean') return own;
  // A rule-level `$id` would move the base URI away from the copied definitions.
  const schema: Record<string, unknown> = { ...own };
  delete schema['$id'];
  for (const key of definitionKeys) {
    if (schema[key] === undefined && isRecord(rules[key])) schema[key] = rules[key];
  }
  return schema;
}

function checkDefinitions(
  value: unknown,
  pointer: string,
  eventName: string,
  refRoot: JsonSchema,
  issues: PlanIssues,
): void {
  if (!isRecord(value)) return;
  for (const [name, schema] of Object.entries(value)) {
    checkJsonSchema(
      schema,
      appendPointer(pointer, name),
      `definition "${name}" of event "${eventName}"`,
      { issues, refRoot, quietKeys: segmentAnnotations },
    );
  }
}

function planName(document: Record<string, unknown>, fileName: string): string {
  const displayName = document['display_name'];
  if (typeof displayName === 'string' && displayName !== '') return displayName;
  const name = document['name'];
  if (typeof name === 'string' && name !== '' && !name.startsWith('workspaces/')) return name;
  return baseName(fileName);
}
