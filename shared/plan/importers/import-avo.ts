import type { JsonSchema } from '../plan-types.js';
import type { DraftEvent } from './draft-plan.js';
import { buildPlanDocument } from './build-plan-document.js';
import { below, type ImportContext, type SourcePlace } from './import-context.js';
import type { ImportedPlan, PlanSourceFile } from './import-types.js';
import { importWith, toImportedPlan } from './import-with.js';
import { isRecord, listOf, textOf } from './plain-data.js';
import type { ImporterOutput, ImportSource, PlanImporter } from './plan-importer.js';
import { repairSchema } from './repair-schema.js';

// Avo's own metadata beside each event; it describes, it never constrains.
const avoEventKeys = ['sources', 'triggers', 'categories', 'tags', 'actions', 'id'];
const userPropertyKeys = ['userProperties', 'user_properties', 'traits'];
// Annotations Avo writes beside keywords in the Segment-shaped rules it publishes.
const annotationKeys: ReadonlySet<string> = new Set(['key', 'labels', 'id']);

/**
 * Avo's JSON Schema export (the Export API and the webhook publishing payload):
 * `{name, events: [{id, name, description, sources, tags, rules}]}`, where each event's
 * `rules` is a JSON Schema of the whole call and the event's properties are at
 * `rules.properties.properties`, as in Segment Protocols. User properties, when the rule
 * has them, become the event's `userProperties`.
 */
export const avoImporter: PlanImporter = {
  format: 'avo',
  label: 'Avo JSON Schema export',
  detect: (documents) => documents.some((document) => isAvoExport(document.value)),
  read: readAvo,
};

function isAvoExport(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value['events'])) return false;
  return value['events'].some(
    (event) => isRecord(event) && 'rules' in event && avoEventKeys.some((key) => key in event),
  );
}

function readAvo(source: ImportSource, context: ImportContext): ImporterOutput | null {
  const events: DraftEvent[] = [];
  let name: string | undefined;
  for (const document of source.documents) {
    if (!isAvoExport(document.value)) continue;
    const value = document.value as Record<string, unknown>;
    name ??= textOf(value['name']);
    listOf(value['events']).forEach((entry, index) => {
      const event = avoEvent(entry, { document, pointer: `/events/${index}` }, context);
      if (event) events.push(event);
    });
  }
  return { document: buildPlanDocument({ name: name ?? 'avo', events }, context) };
}

function avoEvent(
  entry: unknown,
  place: SourcePlace,
  context: ImportContext,
): DraftEvent | undefined {
  const name = isRecord(entry) ? textOf(entry['name']) : undefined;
  if (!isRecord(entry) || name === undefined) {
    context.warn(place, 'This Avo event has no name, so it is skipped.', 'Give it a "name".');
    return undefined;
  }
  const rules = isRecord(entry['rules']) ? entry['rules'] : {};
  const call = isRecord(rules['properties']) ? rules['properties'] : {};
  const ownPlace = below(place, 'rules', 'properties', 'properties');
  const own = repairAt(call['properties'] ?? {}, ownPlace, context);
  // Definitions written at the rule's root travel with the event, as `$ref`s point at them.
  const schema = withDefinitions(own, rules, below(place, 'rules'), context);

  const event: DraftEvent = { name, place, schema };
  const description = textOf(entry['description']);
  if (description !== undefined) event.description = description;
  const userProperties = userPropertiesOf(call, below(place, 'rules', 'properties'), context);
  if (userProperties) event.userProperties = userProperties;
  return event;
}

function repairAt(schema: unknown, place: SourcePlace, context: ImportContext): JsonSchema {
  return repairSchema(schema, {
    quietKeys: annotationKeys,
    warn: (pointer, message, hint) =>
      context.warn({ ...place, pointer: `${place.pointer}${pointer}` }, message, hint),
  });
}

function withDefinitions(
  own: JsonSchema,
  rules: Record<string, unknown>,
  place: SourcePlace,
  context: ImportContext,
): JsonSchema {
  if (!isRecord(own)) return own;
  const schema: Record<string, unknown> = { ...own };
  for (const key of ['definitions', '$defs']) {
    if (schema[key] !== undefined || !isRecord(rules[key])) continue;
    const repaired = repairAt({ [key]: rules[key] }, place, context);
    if (isRecord(repaired) && isRecord(repaired[key])) schema[key] = repaired[key];
  }
  return schema;
}

function userPropertiesOf(
  call: Record<string, unknown>,
  place: SourcePlace,
  context: ImportContext,
): Record<string, JsonSchema> | undefined {
  for (const key of userPropertyKeys) {
    const schema = call[key];
    if (!isRecord(schema) || !isRecord(schema['properties'])) continue;
    const repaired = repairAt(schema, below(place, key), context);
    if (isRecord(repaired) && isRecord(repaired['properties']))
      return repaired['properties'] as Record<string, JsonSchema>;
  }
  return undefined;
}

/** An Avo JSON Schema export in tagwarden's format. */
export function importAvo(files: readonly PlanSourceFile[]): ImportedPlan {
  return toImportedPlan(importWith(avoImporter, files));
}
