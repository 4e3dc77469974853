import type { Layer } from '../events/event-types.js';

/**
 * One event as the validator sees it, whatever layer it came from. `properties` are the
 * event's parameters (for GA4, the params plus `items`); `urls` holds page-level URLs such as
 * `page_location` and `page_referrer`, which are scanned for personal data but are not part
 * of the schema check. `dedupeKey` names the request the event came from, so the same
 * request seen twice can be told apart from two real events.
 */
export interface EventUnderTest {
  name: string | null;
  layer: Layer;
  properties: Record<string, unknown>;
  userProperties?: Record<string, unknown>;
  userId?: string;
  urls?: Record<string, string>;
  dedupeKey?: string;
}
