import type { JsonSchema } from '../plan-types.js';
import type { DraftEvent } from './draft-plan.js';
import { below, type ImportContext, type SourcePlace } from './import-context.js';
import { isRecord, listOf, putEntry, textOf } from './plain-data.js';
import { repairSchema } from './repair-schema.js';

const skippedTypes: Readonly<Record<string, string>> = {
  user_attributes: 'User attributes describe the user, not an event',
  user_identities: 'User identities describe the user, not an event',
};

/**
 * One data point of an mParticle plan as an event. The event's properties are the point's
 * `custom_attributes` schema; a product action also brings its `product_action` fields
 * (`transaction_id`, `total_amount`, `products` …) under their mParticle names.
 */
export function mparticleDataPoint(
  point: unknown,
  place: SourcePlace,
  context: ImportContext,
): DraftEvent | undefined {
  if (!isRecord(point) || !isRecord(point['match'])) {
    context.warn(place, 'This data point has no "match", so it is skipped.', matchHint);
    return undefined;
  }
  const type = textOf(point['match']['type']) ?? '';
  const criteria = isRecord(point['match']['criteria']) ? point['match']['criteria'] : {};
  const name = eventName(type, criteria);
  if (name === undefined) {
    const why = Object.hasOwn(skippedTypes, type)
      ? skippedTypes[type]
      : `Data points of type "${type}" have no event name tagwarden can match`;
    context.warn(below(place, 'match'), `${why}, so this data point is skipped.`, '');
    return undefined;
  }

  const data = dataSchema(point);
  const schema = type === 'product_action' ? productActionSchema(data) : attributesSchema(data);
  const repaired = repairSchema(schema, {
    warn: (pointer, message, hint) =>
      context.warn(below(place, 'validator', 'definition'), `${message} (${pointer})`, hint),
  });
  if (type !== 'custom_event') warnRenamed(type, name, place, context);
  const event: DraftEvent = { name, place, schema: repaired };
  const description = textOf(point['description']);
  if (description !== undefined) event.description = description;
  return event;
}

const matchHint = 'Each data point needs "match": {"type": …, "criteria": {…}}.';

function eventName(type: string, criteria: Record<string, unknown>): string | undefined {
  switch (type) {
    case 'custom_event':
      return textOf(criteria['event_name']);
    case 'screen_view':
      return textOf(criteria['screen_name']);
    case 'product_action':
      return textOf(criteria['action']);
    case 'promotion_action': {
      const action = textOf(criteria['action']);
      return action === undefined ? undefined : `promotion_${action}`;
    }
    case 'product_impression':
      return 'product_impression';
    default:
      return undefined;
  }
}

// `validator.definition.properties.data` holds the event's own fields.
function dataSchema(point: Record<string, unknown>): Record<string, unknown> {
  const validator = isRecord(point['validator']) ? point['validator'] : {};
  const definition = isRecord(validator['definition']) ? validator['definition'] : {};
  const properties = isRecord(definition['properties']) ? definition['properties'] : {};
  return isRecord(properties['data']) ? properties['data'] : {};
}

function fieldsOf(data: Record<string, unknown>, field: string): Record<string, unknown> {
  const properties = isRecord(data['properties']) ? data['properties'] : {};
  return isRecord(properties[field]) ? properties[field] : {};
}

function attributesSchema(data: Record<string, unknown>): JsonSchema {
  const attributes = fieldsOf(data, 'custom_attributes');
  return { ...attributes, type: 'object' };
}

function productActionSchema(data: Record<string, unknown>): JsonSchema {
  const action = fieldsOf(data, 'product_action');
  const attributes = fieldsOf(data, 'custom_attributes');
  const properties: Record<string, unknown> = {};
  for (const source of [action, attributes]) {
    if (!isRecord(source['properties'])) continue;
    for (const [key, schema] of Object.entries(source['properties']))
      if (key !== 'action') putEntry(properties, key, schema);
  }
  const required = [...listOf(action['required']), ...listOf(attributes['required'])].filter(
    (key) => typeof key === 'string' && key !== 'action',
  );
  const schema: Record<string, unknown> = { type: 'object', properties };
  if (required.length > 0) schema['required'] = [...new Set(required)];
  if (action['additionalProperties'] === false && attributes['additionalProperties'] === false)
    schema['additionalProperties'] = false;
  return schema;
}

function warnRenamed(type: string, name: string, place: SourcePlace, context: ImportContext): void {
  const what =
    type === 'screen_view'
      ? `This screen view is planned as an event named "${name}" after its screen`
      : `This ${type.replace('_', ' ')} is planned as the event "${name}", with mParticle's field names (products, total_amount …)`;
  context.warn(
    below(place, 'match'),
    `${what}.`,
    'Rename the event or its properties in the imported plan if your GA4 events use other names.',
  );
}
