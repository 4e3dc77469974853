import type { Layer } from '../../events/event-types.js';
import type { PlanDocument, PlanDocumentEvent } from '../importers/import-types.js';
import type { JsonSchema } from '../plan-types.js';
import type { ObservedEvent } from './observed-event.js';
import {
  defaultInferenceOptions,
  objectRules,
  type SchemaInferenceOptions,
} from './profile-to-schema.js';
import { createProfile, observeObject, type ValueProfile } from './value-profile.js';

export interface InferPlanOptions extends Partial<SchemaInferenceOptions> {
  /** The plan's name; `inferred-plan` when left out. */
  name?: string;
}

interface EventProfile {
  name: string;
  count: number;
  layers: Map<Layer, number>;
  properties: ValueProfile;
  userProperties: ValueProfile;
}

/**
 * A draft tracking plan from example events: one event per name seen, its properties typed
 * from the values seen, `required` for what every occurrence carried, an `enum` where a key
 * had few distinct strings, and one shared `$defs/item` for ecommerce `items`. The plan says
 * it is a draft (`x-draft: true`, every event `status: draft`) and each description says how
 * many events it was inferred from, so nobody mistakes it for a reviewed plan.
 */
export function inferPlan(
  events: readonly ObservedEvent[],
  options: InferPlanOptions = {},
): PlanDocument {
  const settings: SchemaInferenceOptions = { ...defaultInferenceOptions, ...options };
  const profiles = profileEvents(events);
  const items = itemProfile(profiles);

  const documentEvents: Record<string, PlanDocumentEvent> = {};
  for (const profile of profiles.values())
    Object.defineProperty(documentEvents, profile.name, {
      value: eventSettings(profile, items, settings),
      enumerable: true,
      writable: true,
      configurable: true,
    });

  const document = { name: options.name ?? 'inferred-plan' } as PlanDocument;
  document.version = '0';
  document.description =
    `Draft inferred by tagwarden plan infer from ${plural(events.length, 'event')} ` +
    `(${plural(profiles.size, 'name')}). Review every event, then remove x-draft and the draft statuses.`;
  document['x-draft'] = true;
  if (items.count > 0) document.$defs = { item: itemSchema(items, settings) };
  document.events = documentEvents;
  return document;
}

function profileEvents(events: readonly ObservedEvent[]): Map<string, EventProfile> {
  const profiles = new Map<string, EventProfile>();
  for (const event of events) {
    let profile = profiles.get(event.name);
    if (!profile) {
      profile = {
        name: event.name,
        count: 0,
        layers: new Map(),
        properties: createProfile(),
        userProperties: createProfile(),
      };
      profiles.set(event.name, profile);
    }
    profile.count++;
    profile.layers.set(event.layer, (profile.layers.get(event.layer) ?? 0) + 1);
    observeObject(profile.properties, event.properties);
    if (event.userProperties) observeObject(profile.userProperties, event.userProperties);
  }
  return profiles;
}

/** Every object in every event's `items`, profiled together as one item shape. */
function itemProfile(profiles: Map<string, EventProfile>): ValueProfile & { events: number } {
  const items = Object.assign(createProfile(), { events: 0 });
  for (const profile of profiles.values()) {
    const elements = profile.properties.keys.get('items')?.elements;
    if (!elements || !isObjectList(profile)) continue;
    items.events += profile.count;
    for (const [key, child] of elements.keys) mergeInto(items, key, child);
    items.objects += elements.objects;
    items.count += elements.count;
  }
  return items;
}

function isObjectList(profile: EventProfile): boolean {
  const items = profile.properties.keys.get('items');
  const types = items?.elements?.types;
  return items !== undefined && types !== undefined && types.size === 1 && types.has('object');
}

function mergeInto(target: ValueProfile, key: string, child: ValueProfile): void {
  const existing = target.keys.get(key);
  if (!existing) {
    target.keys.set(key, structuredClone(child));
    return;
  }
  existing.count += child.count;
  for (const [type, count] of child.types)
    existing.types.set(type, (existing.types.get(type) ?? 0) + count);
  if (existing.strings && child.strings) {
    for (const [value, count] of child.strings)
      existing.strings.set(value, (existing.strings.get(value) ?? 0) + count);
  } else existing.strings = null;
}

function itemSchema(
  items: ValueProfile & { events: number },
  options: SchemaInferenceOptions,
): JsonSchema {
  return {
    description: `One product. Inferred from ${plural(items.objects, 'item')} in ${plural(items.events, 'event')}.`,
    type: 'object',
    ...objectRules(items, options, (child, parent) => seenIn(child, parent, 'items')),
  };
}

function eventSettings(
  profile: EventProfile,
  items: ValueProfile,
  options: SchemaInferenceOptions,
): PlanDocumentEvent {
  const layers = [...profile.layers].map(([layer, count]) => `${layer} ${count}`).join(', ');
  const settings: PlanDocumentEvent = {
    description: `Inferred from ${plural(profile.count, 'event')} (${layers}).`,
    status: 'draft',
  };
  const rules = objectRules(profile.properties, options, (child, parent) =>
    seenIn(child, parent, 'events'),
  );
  if (items.count > 0 && isObjectList(profile)) rules.properties['items'] = itemsReference(profile);
  settings['properties'] = rules.properties;
  if (rules.required) settings['required'] = rules.required;
  if (profile.userProperties.objects > 0) {
    settings['userProperties'] = objectRules(
      profile.userProperties,
      options,
      () => undefined,
    ).properties;
  }
  return settings;
}

function itemsReference(profile: EventProfile): JsonSchema {
  const items = profile.properties.keys.get('items');
  const schema: Record<string, unknown> = {
    description: seenIn(items ?? createProfile(), profile.count, 'events'),
    type: 'array',
    items: { $ref: '#/$defs/item' },
  };
  if (items && items.emptyLists === 0) schema['minItems'] = 1;
  return schema;
}

function seenIn(child: ValueProfile, parentCount: number, what: string): string {
  const base = `Inferred from ${child.count} of ${parentCount} ${what}.`;
  const types = [...child.types];
  const kinds = new Set(types.map(([type]) => (type === 'integer' ? 'number' : type)));
  if (kinds.size < 2) return base;
  return `${base} Seen as ${types.map(([type, count]) => `${type} ${count}×`).join(', ')}: check which is right.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
