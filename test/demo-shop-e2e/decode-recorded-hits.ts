import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { Ga4Event } from '../../shared/events/event-types.js';
import type { RecordedHit } from '../demo-shop/server/recorded-hit.js';

/** Every GA4 event of the recorded hits, in order, decoded with the repository's decoder. */
export function decodeRecordedHits(hits: readonly RecordedHit[]): Ga4Event[] {
  return hits.flatMap((hit) => {
    const decoded = decodeRequest({
      url: hit.url,
      method: hit.method,
      ...(hit.body ? { body: hit.body } : {}),
    });
    return decoded.kind === 'ga4' ? decoded.events : [];
  });
}
