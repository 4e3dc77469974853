/**
 * One row of the panel's timeline: a dataLayer push, one event of a GA4 hit, a vendor beacon
 * or another captured request, with the plan's verdicts from `checkCaptures` and what the
 * detail view needs to show it.
 */
import type { CheckedEvent } from '../../../../shared/check/check-report.js';
import type { ReplayStep } from '../../../../shared/datalayer/index.js';
import type { Ga4Event, VendorBeacon } from '../../../../shared/events/event-types.js';
import type { PiiFinding } from '../../../../shared/pii/pii-types.js';
import type { EventUnderTest } from '../../../../shared/validate/event-under-test.js';
import type { HitState, SessionHit, SessionPush } from '../../common/session-types.js';

/** The lane a row belongs to (landscape notes §5: one lane per destination). */
export type RowLayer = 'datalayer' | 'ga4' | 'sgtm' | 'mirror' | 'vendor' | 'other';

/** `none`: not judged by the plan (GTM's own events, gtag commands, vendor beacons). */
export type RowStatus = 'valid' | 'invalid' | 'unplanned' | 'warning' | 'none';

export type ConsentState = 'granted' | 'denied' | 'unset' | 'unknown';

export const CONSENT_SIGNALS = [
  'analytics_storage',
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
] as const;

export type ConsentSignalName = (typeof CONSENT_SIGNALS)[number];

/** The consent state when a row fired: from the hit's own gcs/gcd, or the dataLayer's commands. */
export interface ConsentSummary {
  signals: Partial<Record<ConsentSignalName, ConsentState>>;
  source: 'hit' | 'datalayer';
}

export interface KeyParam {
  key: string;
  value: string;
}

export type RowSource =
  | { kind: 'push'; push: SessionPush; steps: ReplayStep[]; input?: EventUnderTest }
  | { kind: 'ga4'; hit: SessionHit; event: Ga4Event; input: EventUnderTest }
  | { kind: 'vendor'; hit: SessionHit; beacon: VendorBeacon }
  | { kind: 'other'; hit: SessionHit; description: string };

export interface TimelineRow {
  /** Stable while the session grows: the record's sequence number and the part within it. */
  id: string;
  /** 0-based position of the record in the session's order (its export line is one more). */
  recordIndex: number;
  seq: number;
  time: number;
  navigationId: number;
  frameId: number;
  /** The document the row belongs to, for lineage (`doc<navigation id>`). */
  scope: string;
  pageUrl: string;
  layer: RowLayer;
  /** What the row shows as its name: the event, a gtag command, a vendor's event. */
  label: string;
  /** The event name the plan judged, when there is one. */
  eventName: string | null;
  status: RowStatus;
  verdicts: CheckedEvent[];
  keyParams: KeyParam[];
  /** `G-…` for GA4 rows, the account for vendors. */
  measurementId?: string;
  /** `dataLayer`, `GA4`, the vendor's name … */
  vendor: string;
  hitState?: HitState;
  consent?: ConsentSummary;
  /** Suspected personal data (hashes left out), whatever the plan says about it. */
  pii: PiiFinding[];
  source: RowSource;
}
