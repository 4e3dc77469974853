import { idText, type NodePlace } from './lineage-node-from-ga4-event.js';
import type { LineageNode } from './lineage-types.js';

/**
 * A dataLayer event as a lineage node, from its name and the properties the validator reads
 * (`dataLayerStepToTestInput`): the transaction, event and item IDs at the top level or inside
 * `ecommerce`, where Google's ecommerce pushes keep them.
 */
export function lineageNodeFromPush(
  name: string | null,
  properties: Record<string, unknown>,
  place: NodePlace,
): LineageNode {
  const ecommerce = asRecord(properties['ecommerce']);
  const transactionId = idText(properties['transaction_id'] ?? ecommerce?.['transaction_id']);
  const eventId = idText(properties['event_id']);
  const items = properties['items'] ?? ecommerce?.['items'];
  return {
    id: place.id,
    layer: 'datalayer',
    name,
    time: place.time,
    ...(place.scope === undefined ? {} : { scope: place.scope }),
    ...(transactionId === undefined ? {} : { transactionId }),
    ...(eventId === undefined ? {} : { eventId }),
    itemIds: Array.isArray(items)
      ? items.flatMap((item: unknown) => idText(asRecord(item)?.['item_id']) ?? [])
      : [],
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
