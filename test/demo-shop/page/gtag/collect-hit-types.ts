/**
 * What the stand-in gtag knows when it builds a `/g/collect` request: the values every event of
 * one request shares (they go in the URL) and each event's own part (URL or body line).
 */

/** The consent fields of a hit, already in wire form. */
export interface ConsentFields {
  /** `G1` + ad_storage bit + analytics_storage bit; absent without consent mode. */
  gcs?: string;
  gcd: string;
  npa: '0' | '1';
  dmaCps: string;
}

/** Values shared by every event of one request (protocol notes §3.1–3.3, §3.7). */
export interface SharedHitFields {
  measurementId: string;
  /** The `gtm` build fingerprint. */
  gtmBuild: string;
  /** `_p`: the page-load id, a millisecond timestamp in current builds. */
  pageLoadId: number;
  consent: ConsentFields;
  clientId: string;
  language: string;
  screenResolution: string;
  sessionId: number;
  sessionCount: number;
  isSessionEngaged: boolean;
  page: { location: string; referrer: string; title: string };
}

/** Session flags gtag sets on an event (GA4 derives first_visit and session_start from them). */
export interface HitEventFlags {
  isFirstVisit?: boolean;
  isSessionStart?: boolean;
  isNewSessionId?: boolean;
  /** `_ee`: sent by a tag or `gtag('event')`, not collected automatically. */
  isExplicit?: boolean;
  /** `_c`: a key event (conversion) in the property's settings. */
  isKeyEvent?: boolean;
}

/** One event: its name, parameters as the page gave them (types kept) and items. */
export interface HitEvent {
  name: string;
  /** `currency` goes to `cu`; numbers to `epn.`, everything else to `ep.`. */
  params: Record<string, unknown>;
  items: Array<Record<string, unknown>>;
  flags: HitEventFlags;
  /** `_et`: milliseconds of engagement since the previous event, when known. */
  engagementMs?: number;
}

/** A request ready to send: the URL, and the body lines of a batch (empty for one event). */
export interface CollectRequest {
  url: string;
  body: string;
}
