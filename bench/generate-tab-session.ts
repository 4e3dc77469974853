import type { TabSession } from '../extension/src/common/session-types.js';
import { createSeededRandom } from './seeded-random.js';
import { createSessionWriter } from './session-writer.js';
import { createShopTracking } from './shop-tracking.js';
import { createVisitor, visitPage } from './shop-journey.js';

export interface GenerateTabSessionOptions {
  /** How many records (pushes and hits together) the session holds. */
  records: number;
  /** The same seed gives the same session, record for record. */
  seed?: number;
}

/**
 * A tab session as the background would hold it after a long QA session on a shop: page
 * loads and SPA routes, GTM's and gtag's own pushes, consent, ecommerce pushes, the GA4 hits
 * they produce (batched as gtag batches them, and some through a server container), Meta
 * pixel and Google Ads beacons, with the tracking bugs real sites have. Its GA4 hits and
 * pushes are modelled on the captures in the corpus (real-captures.md, parts A, C and D).
 */
export function generateTabSession(options: GenerateTabSessionOptions): TabSession {
  const { records, seed = 1 } = options;
  if (!Number.isSafeInteger(records) || records < 0)
    throw new RangeError(`records must be a whole number of records, 0 or more; got ${records}`);
  const writer = createSessionWriter(createSeededRandom(seed));
  const tracking = createShopTracking(writer);
  const visitor = createVisitor();
  while (writer.count() < records) visitPage(writer, tracking, visitor);
  return writer.finish(records);
}
