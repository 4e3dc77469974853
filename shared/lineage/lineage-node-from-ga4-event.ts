import type { Ga4Event, ParamValue } from '../events/event-types.js';
import { appendPointer } from '../plan/json-pointer.js';
import { setEntry } from '../text/set-entry.js';
import { classifyGa4Hit } from './classify-ga4-hit.js';
import type { FieldValue, LineageNode } from './lineage-types.js';

/** Where a record was captured: the caller's id for it, when, and in which document. */
export interface NodePlace {
  id: string;
  time: number;
  scope?: string;
}

/**
 * A decoded GA4 event as a lineage node: its lane (`ga4`, `sgtm` or `mirror`), the IDs that
 * tie it to its push and its mirror copy, and its name, parameters, items and user properties
 * by JSON Pointer for the mirror diff.
 */
export function lineageNodeFromGa4Event(event: Ga4Event, place: NodePlace): LineageNode {
  const transactionId = idText(event.params['transaction_id']);
  const eventId = idText(event.params['event_id']);
  return {
    id: place.id,
    layer: classifyGa4Hit(event),
    name: event.name,
    time: place.time,
    ...(place.scope === undefined ? {} : { scope: place.scope }),
    ...(transactionId === undefined ? {} : { transactionId }),
    ...(eventId === undefined ? {} : { eventId }),
    itemIds: event.items.flatMap((item) => idText(item['item_id']) ?? []),
    destination: `${event.ids.measurementId ?? ''}@${event.endpoint.split('/')[0] ?? ''}`,
    fields: fieldsOf(event),
  };
}

function fieldsOf(event: Ga4Event): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  if (event.name !== null) fields['/name'] = event.name;
  addAll(fields, '/params', event.params);
  addAll(fields, '/user_properties', event.userProperties);
  event.items.forEach((item, index) => addAll(fields, appendPointer('/items', index), item));
  return fields;
}

function addAll(
  fields: Record<string, FieldValue>,
  base: string,
  values: Record<string, ParamValue>,
): void {
  for (const [key, value] of Object.entries(values))
    setEntry(fields, appendPointer(base, key), value);
}

/** An ID as text: strings and finite numbers; anything else carries no ID. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
