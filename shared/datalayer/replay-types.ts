/**
 * The shapes a dataLayer replay produces. Everything a step carries is JSON-safe data: values
 * that JSON cannot hold (undefined, functions, Dates, DOM nodes …) appear as transport markers
 * such as `{"$undefined": true}`, described in `serialise-value.ts`.
 */
import type { DecodeWarning, Severity } from '../events/event-types.js';

/** A JSON value that may hold transport markers such as `{"$date": "…"}`. */
export type TransportValue = null | boolean | number | string | TransportValue[] | TransportObject;

export interface TransportObject {
  [key: string]: TransportValue;
}

/** GTM's abstract data model: the live object every push is merged into. */
export type DataLayerModel = Record<string, unknown>;

/** How GTM treated a push, decided the way data-layer-helper's `plain.type` decides it. */
export type ReplayKind = 'object' | 'command' | 'arguments' | 'function' | 'ignored';

export type ReplayWarningCode =
  | 'arguments_lost_type'
  | 'clear_flag_top_level'
  | 'clear_flag_unverified'
  | 'command_invalid'
  | 'command_method_missing'
  | 'command_path_missing'
  | 'command_threw'
  | 'consent_keys_in_message'
  | 'consent_value_invalid'
  | 'event_name_invalid'
  | 'function_not_replayable'
  | 'function_returned_promise'
  | 'function_set_invalid'
  | 'function_threw'
  | 'gtag_array_push'
  | 'gtag_arguments_invalid'
  | 'gtag_command_invalid'
  | 'gtag_command_unknown'
  | 'push_ignored'
  | 'push_threw'
  | 'site_unique_event_id'
  | 'transport_cycle'
  | 'transport_marker_invalid'
  | 'transport_too_deep'
  | 'unsafe_key_skipped';

/** A decode warning with its own level, so a lint-style notice can stay apart from a real fault. */
export interface ReplayWarning extends DecodeWarning {
  code: ReplayWarningCode;
  severity: Severity;
}

export type ConsentValue = 'granted' | 'denied';

/** One consent signal (`ad_storage` …) as `gtag('consent', …)` commands left it. */
export interface ReplayConsentSignal {
  default?: ConsentValue;
  update?: ConsentValue;
  /** The update when there is one, else the default. */
  effective: ConsentValue;
}

/** The running Google consent state. Only `gtag('consent', …)` changes it, never a plain push. */
export interface ReplayConsentState {
  signals: Record<string, ReplayConsentSignal>;
  /** Defaults given with `region: [...]`; they apply only to visitors from those regions. */
  regionDefaults: Record<string, Record<string, ConsentValue>>;
  /** `wait_for_update` of the latest default command, in milliseconds. */
  waitForUpdateMs?: number;
}

/** A gtag command as it was pushed (an `Arguments` object), with its parts read out. */
export interface GtagCall {
  /** The first argument (`'event'`, `'config'` …); `''` when it was not a string. */
  command: string;
  /** Every argument after the command, in transport form. */
  args: TransportValue[];
  /** `config` and `get`: the destination (`G-…`, `AW-…`, `GTM-…`). */
  targetId?: string;
  /** `event`: the event name. */
  eventName?: string;
  /** The parameter object of `event`, `config`, `consent` and the one-argument `set`. */
  params?: TransportObject;
  consentMode?: 'default' | 'update';
  /** `js`: the start time as ISO text, or the text as pushed when the Date lost its type. */
  startTime?: string;
  /** `get`: the field asked for. */
  field?: string;
}

/** What one processed message did. Steps are frozen where they share structure with others. */
export interface ReplayStep {
  /** Position in processing order: tagwarden's own event id, never `gtm.uniqueEventId`. */
  index: number;
  /** The event name for a message with an `event` key or a `gtag('event', …)`, else null. */
  event: string | null;
  kind: ReplayKind;
  /** What was pushed, in transport form, as it was before processing. */
  push: TransportValue;
  /**
   * The whole model after this step, in transport form, frozen. It is built when first read
   * (an enumerable getter, so JSON and structured clone see plain data); unchanged branches
   * are the same objects as in the steps around it.
   */
  readonly model: TransportObject;
  /** `gtag('event', name, params)`: the params, which GTM keeps out of the persistent model. */
  eventParams?: TransportObject;
  gtag?: GtagCall;
  consent: ReplayConsentState;
  warnings: ReplayWarning[];
}
