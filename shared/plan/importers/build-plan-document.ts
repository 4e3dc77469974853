import type { JsonSchema } from '../plan-types.js';
import { resolveLocalRef } from '../resolve-local-ref.js';
import type { DraftEvent, DraftPlan } from './draft-plan.js';
import { hoistDefinitions } from './hoist-definitions.js';
import type { ImportContext } from './import-context.js';
import type { PlanDocument, PlanDocumentEvent } from './import-types.js';
import { isRecord, putEntry } from './plain-data.js';
import { rewriteRefs } from './rewrite-refs.js';
import { splitEventSchema } from './split-event-schema.js';

/**
 * A tagwarden plan document from what an importer read: each event's own definitions move to
 * the plan's `$defs`, references that resolve nowhere are dropped with a warning, and each
 * event schema becomes tagwarden event settings. A name defined twice keeps its last
 * definition, with a warning at the first.
 */
export function buildPlanDocument(draft: DraftPlan, context: ImportContext): PlanDocument {
  const definitions: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(draft.$defs ?? {}))
    putEntry(definitions, name, schema);

  const byName = latestDefinitions(draft.events, context);
  const events: Record<string, PlanDocumentEvent> = {};
  for (const event of byName.values()) {
    context.placeEvent(event.name, event.place);
    const schema = hoistDefinitions(event.name, structuredClone(event.schema), definitions);
    dropUnresolvedRefs(event, schema, definitions, context);
    putEntry(events, event.name, eventSettings(event, schema));
  }
  const firstPlace = draft.events[0]?.place;
  for (const [name, schema] of Object.entries(definitions))
    dropUnresolvedRefs(
      { name: `definition "${name}"`, place: firstPlace },
      schema,
      definitions,
      context,
    );

  // Built key by key so the written plan reads name, version, description, $defs, events.
  const document = { name: draft.name } as PlanDocument;
  if (draft.version) document.version = draft.version;
  if (draft.description) document.description = draft.description;
  if (Object.keys(definitions).length > 0) document.$defs = definitions;
  document.events = events;
  return document;
}

function latestDefinitions(events: DraftEvent[], context: ImportContext): Map<string, DraftEvent> {
  const byName = new Map<string, DraftEvent>();
  for (const event of events) {
    const earlier = byName.get(event.name);
    if (earlier) {
      context.warn(
        earlier.place,
        `The event "${event.name}" is defined more than once; the last definition is used.`,
        'Keep one definition per event name.',
      );
      byName.delete(event.name);
    }
    byName.set(event.name, event);
  }
  return byName;
}

function eventSettings(event: DraftEvent, schema: JsonSchema): PlanDocumentEvent {
  const settings: PlanDocumentEvent = {};
  const description = event.description ?? schemaDescription(schema);
  if (description) settings['description'] = description;
  if (event.owner) settings['owner'] = event.owner;
  if (event.status && event.status !== 'active') settings['status'] = event.status;
  if (event.replacedBy) settings['replacedBy'] = event.replacedBy;
  Object.assign(settings, splitEventSchema(schema));
  if (event.userProperties && Object.keys(event.userProperties).length > 0)
    settings['userProperties'] = event.userProperties;
  return settings;
}

function schemaDescription(schema: JsonSchema): string | undefined {
  if (!isRecord(schema)) return undefined;
  const text = schema['description'] ?? schema['title'];
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

// A `$ref` is resolved against the event as tagwarden builds it: its properties schema beside
// the plan's `$defs`.
function dropUnresolvedRefs(
  event: Pick<DraftEvent, 'name'> & { place: DraftEvent['place'] | undefined },
  schema: JsonSchema,
  definitions: Record<string, JsonSchema>,
  context: ImportContext,
): void {
  if (!isRecord(schema)) return;
  const root = { ...schema, $defs: definitions };
  rewriteRefs(schema, (ref) => {
    const target = resolveLocalRef(root, ref);
    if (typeof target === 'boolean' || isRecord(target)) return ref;
    if (event.place) {
      context.warn(
        event.place,
        `In ${event.name.startsWith('definition') ? event.name : `event "${event.name}"`}, the reference ${JSON.stringify(ref)} points nowhere, so it was dropped.`,
        'Define the schema it names in the plan.',
      );
    }
    return undefined;
  });
}
