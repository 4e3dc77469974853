/**
 * The shapes every part of tagwarden speaks: decoded events from any layer, and the
 * verdicts a tracking plan gives them. Plain data only, so they cross postMessage,
 * extension ports and JSON files unchanged.
 */

/** Where an event was seen: the page's dataLayer, a network beacon, or the warehouse copy. */
export type Layer = 'datalayer' | 'ga4' | 'warehouse' | 'other';

/** A problem found while decoding one input; the input still yields what could be read. */
export interface DecodeWarning {
  code: string;
  message: string;
  /** How much it matters; a report treats a warning without one as `warning`. */
  severity?: Severity;
  /** The wire key or JSON path the warning is about, when there is one. */
  key?: string;
}

export type ParamValue = string | number;

export interface ConsentSignal {
  /** The letter as sent in `gcd`, case kept. */
  raw?: string;
  default?: 'granted' | 'denied';
  update?: 'granted' | 'denied';
  effective: 'granted' | 'denied' | 'unset' | 'unknown';
  /** Which wire field the effective state came from. */
  source: 'gcs' | 'gcd' | 'none';
}

export interface DecodedConsent {
  ad_storage?: ConsentSignal;
  analytics_storage?: ConsentSignal;
  ad_user_data?: ConsentSignal;
  ad_personalization?: ConsentSignal;
  /** Raw strings exactly as sent, for anything the fields above do not explain. */
  gcs?: string;
  gcd?: string;
  /** `(letter, digit)` pairs that `gcd` carries past the four known signals. */
  gcdExtra?: string[];
  dma?: string;
  dmaCps?: string;
  npa?: string;
  gcu?: string;
  pscdl?: string;
}

export interface DecodedIds {
  measurementId?: string;
  clientId?: string;
  sessionId?: string;
  sessionCount?: number;
  userId?: string;
  pageLoadId?: string;
  hitSequence?: number;
}

export interface DecodedPage {
  location?: string;
  title?: string;
  referrer?: string;
  language?: string;
  screenResolution?: string;
}

/** An item with GA4 export names (`item_id`, `price` …) plus custom item parameters by name. */
export type DecodedItem = Record<string, ParamValue>;

/** One GA4 event, decoded from a `/g/collect` request (one line of a batch, or the URL alone). */
export interface Ga4Event {
  layer: 'ga4';
  /** `en`; null when the request carried no event name. */
  name: string | null;
  /** Event parameters under their GA4 names, typed by their wire prefix (`ep.` string, `epn.` number). */
  params: Record<string, ParamValue>;
  items: DecodedItem[];
  userProperties: Record<string, ParamValue>;
  consent: DecodedConsent;
  ids: DecodedIds;
  page: DecodedPage;
  session: {
    engaged?: boolean;
    firstVisit?: boolean;
    sessionStart?: boolean;
    newSessionId?: boolean;
    engagementTimeMs?: number;
  };
  campaign: Record<string, string>;
  clientHints: Record<string, string>;
  /** `sst.*` parameters of server-side (sGTM) hits, kept without interpretation. */
  serverSide: Record<string, string>;
  /** Flags such as `_dbg`, `_ee`, `_c`, `richsstsse`: key → raw value (`''` for bare flags). */
  flags: Record<string, string>;
  /** Keys this decoder has no meaning for, with their decoded values. Nothing is dropped. */
  unknown: Record<string, string>;
  /** Every key of the merged request and line, with its raw (still encoded) text. */
  raw: Record<string, string>;
  /** 0 for the URL-only event, else the body line index. */
  lineIndex: number;
  /** Where the request went: host and path (no query). */
  endpoint: string;
  warnings: DecodeWarning[];
}

/** Any recognised non-GA4 analytics request: the vendor, its account and its event name. */
export interface VendorBeacon {
  layer: 'other';
  vendor: string;
  accountId?: string;
  name: string | null;
  params: Record<string, ParamValue>;
  raw: Record<string, string>;
  endpoint: string;
  warnings: DecodeWarning[];
  /** True when the vendor's library sent it on its own, not the site (Meta's `Microdata`). */
  isAutomatic?: boolean;
}

/** Google requests that resemble GA4 but are not events (signals pings, remarketing, diagnostics). */
export interface AuxiliaryRequest {
  layer: 'other';
  vendor: 'google-auxiliary';
  kind: string;
  endpoint: string;
  measurementId?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export type ViolationCode =
  | 'unplanned_event'
  | 'missing_required'
  | 'type_mismatch'
  | 'enum_mismatch'
  | 'pattern_mismatch'
  | 'out_of_range'
  | 'unexpected_property'
  | 'naming_convention'
  | 'ga4_limit'
  | 'reserved_name'
  | 'pii_suspected'
  | 'duplicate_event'
  | 'schema_violation'
  | 'deprecated_event'
  | 'gtag_array_push'
  | 'stale_model_value'
  | 'decode_warning';

export interface Violation {
  code: ViolationCode;
  severity: Severity;
  /** JSON Pointer into the validated properties (`/items/0/price`), `''` for the whole event. */
  path: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

export type VerdictStatus = 'valid' | 'invalid' | 'unplanned';

/** The plan's word on one event. `invalid` means at least one violation of severity `error`. */
export interface Verdict {
  name: string | null;
  layer: Layer;
  status: VerdictStatus;
  violations: Violation[];
}
