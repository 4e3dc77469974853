import type { Ga4Event } from '../events/event-types.js';
import { explicitEventId } from './explicit-event-id.js';
import { hashIdentity } from './hash-identity.js';

/**
 * The `event_id` of a decoded GA4 event. The site's own `event_id` parameter wins. Otherwise
 * the id hashes what makes a gtag event unique (protocol notes §2, "event identity"): the
 * stream, the client, the page load `_p`, the request counter `_s` and the line of the batch.
 * A resent request thus gets the same id and is stored once. Hits without `_p` or `_s`
 * (hand-built ones) are identified by all their raw parameters instead.
 */
export function ga4EventId(event: Ga4Event): string {
  const explicit = explicitEventId(event.params.event_id);
  if (explicit !== undefined) {
    return explicit;
  }
  const ids = event.ids;
  if (ids.pageLoadId !== undefined && ids.hitSequence !== undefined) {
    const identity =
      `ga4\u0001${ids.measurementId ?? ''}\u0001${ids.clientId ?? ''}\u0001${ids.pageLoadId}` +
      `\u0001${ids.hitSequence}\u0001${event.lineIndex}\u0001${event.name ?? ''}`;
    return hashIdentity(identity);
  }
  const pairs = Object.keys(event.raw)
    .sort()
    .map((key) => `${key}=${event.raw[key] ?? ''}`);
  return hashIdentity(['ga4-raw', String(event.lineIndex), ...pairs].join('\u0001'));
}
