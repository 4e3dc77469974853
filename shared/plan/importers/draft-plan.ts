import type { EventStatus, JsonSchema } from '../plan-types.js';
import type { SourcePlace } from './import-context.js';

/**
 * One event as an importer read it, before it becomes part of a tagwarden plan: the JSON
 * Schema of its properties (already repaired, possibly with its own `definitions`/`$defs`)
 * and the metadata the source format carries.
 */
export interface DraftEvent {
  name: string;
  /** Where the event is defined in the source. */
  place: SourcePlace;
  schema: JsonSchema;
  description?: string;
  owner?: string;
  status?: EventStatus;
  replacedBy?: string;
  userProperties?: Record<string, JsonSchema>;
}

/** A whole plan as an importer read it. */
export interface DraftPlan {
  name: string;
  version?: string;
  description?: string;
  /** Schemas shared by every event (custom types, catalog entries), referenced as `#/$defs/…`. */
  $defs?: Record<string, JsonSchema>;
  events: DraftEvent[];
}
