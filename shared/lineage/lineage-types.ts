/**
 * The shapes of lineage: which dataLayer push produced which GA4 hit, and which warehouse
 * mirror copy repeats which hit. Plain data, so the panel and the CLI render the same result.
 */
import type { Severity } from '../events/event-types.js';

/**
 * Where a record sits on its way to the warehouse: the page's dataLayer, a GA4 hit to Google,
 * a GA4-protocol hit to a first-party or server-side GTM host, or the web mirror's copy.
 */
export type LineageLayer = 'datalayer' | 'ga4' | 'sgtm' | 'mirror';

/** A scalar value as a hit carries it; numbers stay numbers so a type change shows. */
export type FieldValue = string | number;

/** One record of any layer, reduced to what matching needs. */
export interface LineageNode {
  /** Unique within one `matchLineage` call; the caller's own row id. */
  id: string;
  layer: LineageLayer;
  name: string | null;
  /** Milliseconds since the epoch. */
  time: number;
  /** The document the record belongs to; records of two different scopes never match. */
  scope?: string;
  transactionId?: string;
  eventId?: string;
  itemIds: string[];
  /** Where a hit went (measurement ID and host): a push is sent once per destination. */
  destination?: string;
  /** Hit and mirror fields by JSON Pointer (`/params/value`, `/items/0/item_id`), for the diff. */
  fields?: Record<string, FieldValue>;
}

/** What made two records a match, strongest first. */
export type MatchReason = 'transaction_id' | 'event_id' | 'item_ids' | 'name_and_time';

export interface LineageLink {
  /** `sent-as`: a push and a hit it produced; `mirrored-as`: a hit and its mirror copy. */
  kind: 'sent-as' | 'mirrored-as';
  from: string;
  to: string;
  matchedBy: MatchReason[];
  /** Milliseconds from `from` to `to` (negative when the copy came first). */
  delayMs: number;
}

/** One field that differs between a GA4 hit and its mirror copy. */
export interface FieldDifference {
  path: string;
  /** Absent when the hit does not carry the field. */
  hit?: FieldValue;
  /** Absent when the mirror copy does not carry the field. */
  mirror?: FieldValue;
}

export type LineageFinding =
  | { kind: 'pushed-never-sent'; node: string; severity: Severity }
  | { kind: 'sent-not-mirrored'; node: string; severity: Severity }
  | { kind: 'hit-without-push'; node: string; severity: Severity; isAutomatic: boolean }
  | { kind: 'mirror-without-hit'; node: string; severity: Severity }
  | {
      kind: 'mirror-differs';
      /** The mirror copy. */
      node: string;
      hit: string;
      severity: Severity;
      differences: FieldDifference[];
    };

export type LineageFindingKind = LineageFinding['kind'];

export interface LineageResult {
  links: LineageLink[];
  findings: LineageFinding[];
}

export interface LineageOptions {
  /** How long after a push its hit may leave (gtag batches for a few seconds). Default 10 s. */
  windowMs?: number;
  /** How far a hit may seem to precede its push (clocks of two frames, rounding). Default 1 s. */
  skewMs?: number;
  /**
   * Whether a pushed event is meant to reach GA4; a push that is not gets no
   * "pushed, never sent" finding. Default: every named push, once the session holds any hit.
   */
  expectsHit?: (name: string) => boolean;
  /** Whether hits are expected to be mirrored. Default: when the session holds any mirror copy. */
  expectsMirror?: boolean;
  /** Field paths the mirror changes on purpose (its join key). `/params/event_id` always. */
  ignoredMirrorFields?: string[];
}
