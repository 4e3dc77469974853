import type { JsonObject } from './container-types.js';
import type { TemplateFile } from './read-template-file.js';

/** Why a mirror differs from its GA4 tag, or why there is none. */
export type MirrorNoteCode =
  | 'paused'
  | 'google_tag_page_view'
  | 'dynamic_event_name'
  | 'missing_variable'
  | 'no_measurement_id'
  | 'measurement_id_assumed'
  | 'setup_tag'
  | 'teardown_tag'
  | 'no_firing_trigger'
  | 'sequenced_only'
  | 'custom_ecommerce_source'
  | 'user_provided_data'
  | 'shared_settings'
  | 'join_key_added'
  | 'join_key_present'
  | 'join_key_skipped'
  | 'already_mirrored'
  | 'no_event_name'
  | 'template_field_missing'
  | 'template_updated'
  | 'endpoint_placeholder'
  | 'zone'
  | 'enhanced_measurement'
  | 'no_ga4_client'
  | 'destination'
  | 'unresolved_reference';

/** `caveat`: the mirror may not send exactly what GA4 sends; `info`: worth knowing. */
export interface MirrorNote {
  code: MirrorNoteCode;
  severity: 'info' | 'caveat';
  message: string;
}

export interface TagReference {
  tagId: string;
  name: string;
}

/** One GA4 tag (or Google tag page_view) and its mirror. */
export interface MirrorRow {
  source: TagReference & { type: string };
  /** The event name as the tag writes it (`{{…}}` references kept). */
  eventName: string;
  status: 'mirrored' | 'mirrored-with-notes' | 'skipped';
  mirrorTag?: TagReference;
  notes: MirrorNote[];
}

export interface MirrorOptions {
  template: TemplateFile;
  /** The collector URL; without it an existing endpoint variable is kept or a placeholder made. */
  endpoint?: string;
  /** Add this parameter (e.g. `event_id`) to each GA4 event tag so GA4 and mirror rows join. */
  joinKey?: string;
  /** Copy the existing triggers, variables, folders and tags the new objects use (default). */
  includeDependencies?: boolean;
  /** Milliseconds since the epoch: fingerprints and the export time. */
  now: number;
}

/** Counts of what the merge export holds. */
export interface MirrorSummary {
  mirrorTags: number;
  skipped: number;
  withNotes: number;
  /** Objects new to the container, per list. */
  added: Record<
    'tag' | 'trigger' | 'variable' | 'folder' | 'customTemplate' | 'builtInVariable',
    number
  >;
  /** Existing objects written back changed: GA4 tags given the join key, an updated template. */
  changed: number;
  /** Unchanged copies of existing objects, so every reference resolves on import. */
  copiedDependencies: number;
}

export interface MirrorResult {
  export: JsonObject;
  rows: MirrorRow[];
  /** Notes about the container as a whole (template, endpoint, zones…). */
  notes: MirrorNote[];
  summary: MirrorSummary;
}
