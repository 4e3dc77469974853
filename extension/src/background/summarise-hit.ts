import { decodeHitOnce } from './decode-hit-once.js';
import type { HitSummary } from '../common/session-types.js';

/**
 * Decodes a hit with the core's `decodeRequest` (one decoding shared with the badge count)
 * and keeps what a list row needs: one entry per event (a batched GA4 body gives one per
 * line) with its name and account. The panel decodes the full hit itself when it shows one.
 * Never throws.
 */
export function summariseHit(url: string, body: string | undefined, method?: string): HitSummary {
  try {
    const decoded = decodeHitOnce({
      url,
      ...(body === undefined ? {} : { body }),
      ...(method ? { method } : {}),
    });
    if (decoded.kind === 'ga4') {
      const events = decoded.events.map((event) => ({
        name: event.name,
        ...(event.ids.measurementId ? { account: event.ids.measurementId } : {}),
      }));
      return { kind: 'ga4', protocol: decoded.protocol, events };
    }
    if (decoded.kind === 'vendor') {
      const events = decoded.beacons.map((beacon) => ({
        name: beacon.name,
        ...(beacon.accountId ? { account: beacon.accountId } : {}),
      }));
      return { kind: 'vendor', vendor: decoded.beacon.vendor, events };
    }
    return { kind: 'unrecognised' };
  } catch {
    return { kind: 'unrecognised' };
  }
}
