import type { InputError, InputSource } from '../capture/captured-input.js';
import type { Layer, Severity, VerdictStatus, Violation } from '../events/event-types.js';

/** One validated event in a check report, pointing back at the input it came from. */
export interface CheckedEvent {
  name: string | null;
  layer: Layer;
  status: VerdictStatus;
  violations: Violation[];
  source: InputSource;
  /** Host and path the hit went to (GA4 layer). */
  endpoint?: string;
  measurementId?: string;
  /** The page the event belongs to, when known. */
  page?: string;
}

/** A recognised non-GA4 beacon: listed, not validated against the plan. */
export interface OtherBeacon {
  vendor: string;
  name: string | null;
  accountId?: string;
  source: InputSource;
}

/** Google traffic that resembles GA4 but carries no event (signals pings, remarketing lists). */
export interface AuxiliaryHit {
  kind: string;
  endpoint: string;
  source: InputSource;
}

export interface CheckSummary {
  events: number;
  valid: number;
  invalid: number;
  unplanned: number;
  violations: Record<Severity, number>;
}

/** The whole result of `tagwarden check`: data that every output format renders. */
export interface CheckReport {
  plan: { name: string; format: string };
  inputs: string[];
  summary: CheckSummary;
  events: CheckedEvent[];
  otherBeacons: OtherBeacon[];
  auxiliary: AuxiliaryHit[];
  /** Requests that are no analytics tagwarden knows; counted so nothing vanishes silently. */
  unrecognised: number;
  /** Planned events that no input carried, per layer they were expected on. */
  missing: Array<{ name: string; layers: Layer[] }>;
  inputErrors: InputError[];
}
