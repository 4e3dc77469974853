import type { EventStatus } from '../plan/plan-types.js';
import type { TagReference } from './mirror-types.js';

/** Kinds of coverage gap; `--fail-on` names them. */
export type CoverageGapKind =
  | 'no_ga4_tag'
  | 'no_mirror_tag'
  | 'missing_required'
  | 'unplanned_event'
  | 'dynamic_event_name'
  | 'deprecated_event';

export const coverageGapKinds: readonly CoverageGapKind[] = [
  'no_ga4_tag',
  'no_mirror_tag',
  'missing_required',
  'unplanned_event',
  'dynamic_event_name',
  'deprecated_event',
];

export interface CoverageGap {
  kind: CoverageGapKind;
  event?: string;
  tag?: TagReference;
  message: string;
}

/**
 * Whether one tag sends a required parameter: `sent` (a table row or settings variable names
 * it), `ecommerce` (it may come from the ecommerce object the tag forwards; only a capture can
 * tell), `unknown` (a settings variable or row name only known at run time), `missing`.
 */
export type RequiredVerdict = 'sent' | 'ecommerce' | 'unknown' | 'missing';

export interface RequiredParameter {
  tag: TagReference;
  parameter: string;
  verdict: RequiredVerdict;
}

/**
 * How a planned event is covered: `covered` by an active tag, `paused` (only paused tags send
 * it), `possible` (a tag whose name is built at run time may send it), `missing`, `automatic`
 * (gtag.js or GA4 sends it without an event tag), `not-on-ga4` (the plan does not expect it on
 * the GA4 layer).
 */
export type EventCoverageStatus =
  'covered' | 'paused' | 'possible' | 'missing' | 'automatic' | 'not-on-ga4';

export interface PlannedEventCoverage {
  name: string;
  planStatus: EventStatus;
  status: EventCoverageStatus;
  ga4Tags: TagReference[];
  possibleTags: TagReference[];
  mirrorTags: TagReference[];
  required: RequiredParameter[];
}

/** How one GA4 tag's event name compares with the plan. */
export type TagCoverageStatus = 'planned' | 'unplanned' | 'deprecated' | 'inferred' | 'dynamic';

export interface TagCoverage {
  tag: TagReference & { type: string };
  eventName: string;
  /** Names the tag sends, when they can be read statically. */
  names: string[];
  status: TagCoverageStatus;
  isPaused: boolean;
  mirrorTags: TagReference[];
}

export interface CoverageReport {
  container: { file: string; publicId: string; name: string; containerId: string };
  plan: { name: string; version: string };
  summary: {
    plannedEvents: number;
    expectedOnGa4: number;
    withGa4Tag: number;
    withMirrorTag: number;
    automatic: number;
    ga4Tags: number;
    mirrorTags: number;
    gaps: Record<CoverageGapKind, number>;
  };
  events: PlannedEventCoverage[];
  tags: TagCoverage[];
  gaps: CoverageGap[];
}
