/**
 * The shapes of a loaded tracking plan. Every plan format tagwarden reads (its own YAML/JSON,
 * Segment Protocols, plain JSON Schema maps, and the formats `importers/` translate) is turned
 * into these, so the validator never
 * needs to know where a plan came from.
 */
import type { Layer, Severity, ViolationCode } from '../events/event-types.js';

/** A JSON Schema (draft 2020-12) exactly as the plan wrote it: an object or `true`/`false`. */
export type JsonSchema = boolean | { [keyword: string]: unknown };

export type PlanFormat =
  | 'tagwarden'
  | 'segment-protocols'
  | 'json-schema-map'
  | 'rudderstack'
  | 'mparticle'
  | 'snowplow-iglu'
  | 'opentrackplan'
  | 'avo'
  | 'ga4-recommended';

export type NamingStyle = 'snake_case' | 'camelCase' | 'PascalCase' | 'kebab-case' | 'ga4';

/** A naming convention: one of the named styles, or a regular expression (unicode mode). */
export type NamingRule = { style: NamingStyle } | { pattern: string };

export type EventStatus = 'active' | 'deprecated' | 'draft';

export interface PlanGlobals {
  /** Conventions for event names and parameter names; `null` means not checked. */
  naming: { events: NamingRule | null; parameters: NamingRule | null };
  /** Check GA4 collection limits (lengths and counts) on the `ga4` and `warehouse` layers. */
  ga4Limits: boolean;
  /** Check names GA4 reserves (events, parameter and user-property prefixes). */
  reservedNames: boolean;
  pii: {
    enabled: boolean;
    /** Parameter names allowed to hold personal data (top-level or leaf key names). */
    allow: string[];
    /** Layers the scan runs on. */
    layers: Layer[];
  };
  /** Whether events accept properties their plan entry does not list (per-event override). */
  additionalProperties: boolean;
  /** Severity of `unplanned_event`. */
  unplannedEvents: Severity;
  /** Severity overrides by violation code. */
  severity: Partial<Record<ViolationCode, Severity>>;
}

/**
 * How an event's properties are read on one layer before validation: keys of each `lift`
 * object become top-level properties (`ecommerce.items` is checked as `items`), and `ignore`
 * keys (exact, or a prefix ending in `*`) are dropped.
 */
export interface LayerMapping {
  lift: string[];
  ignore: string[];
}

/** Where something sits in the plan file (1-based). */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface PlannedEvent {
  name: string;
  description?: string;
  owner?: string;
  status: EventStatus;
  /** Event that replaces a deprecated one, named in the `deprecated_event` message. */
  replacedBy?: string;
  /** Layers where the event is expected. */
  layers: Layer[];
  properties: Record<string, JsonSchema>;
  required: string[];
  additionalProperties: boolean;
  /** Parameters whose values identify one real-world occurrence (e.g. `transaction_id`). */
  uniqueBy: string[];
  userProperties: Record<string, JsonSchema>;
  /** The complete JSON Schema event properties are validated against. */
  schema: JsonSchema;
  /** The JSON Schema for user properties, when the plan lists any. */
  userPropertiesSchema?: JsonSchema;
  position: SourcePosition;
}

export interface TrackingPlan {
  name: string;
  version: string;
  description?: string;
  globals: PlanGlobals;
  /** Layer mappings with defaults filled in, for every layer. */
  layers: Record<Layer, LayerMapping>;
  events: Record<string, PlannedEvent>;
  $defs: Record<string, JsonSchema>;
  source: { format: PlanFormat; fileName: string };
}

/** One problem in a plan file, with where it is and how to fix it. */
export interface PlanError {
  file: string;
  line: number;
  column: number;
  message: string;
  hint: string;
}

/** Something in a plan file that loads but is probably not what the author meant. */
export type PlanWarning = PlanError;

export type PlanLoadResult =
  { ok: true; plan: TrackingPlan; warnings: PlanWarning[] } | { ok: false; errors: PlanError[] };
