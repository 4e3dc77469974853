/**
 * The shapes of a plan import: the files a plan arrives in, their parsed documents, the plan
 * in tagwarden's own format (plain data, ready to write as YAML) and what did not translate.
 */
import type { PlanPositions } from '../plan-positions.js';
import type { PlanError, PlanFormat, TrackingPlan } from '../plan-types.js';

/** One file of a plan: a whole plan, or one part of a plan spread over a folder. */
export interface PlanSourceFile {
  /** The file's path as the user named it; messages point back at it. */
  name: string;
  text: string;
}

/** One parsed YAML or JSON document of a source file (a YAML file may hold several). */
export interface SourceDocument {
  file: string;
  /** 0-based position of the document in its file. */
  index: number;
  value: unknown;
  positions: PlanPositions;
}

/** A problem met while importing, placed in the source file, with its JSON Pointer there. */
export interface ImportIssue extends PlanError {
  /** Where the untranslated part sits in the source document (JSON Pointer). */
  path?: string;
}

/** The formats `tagwarden plan import` reads. */
export type ImportFormat = PlanFormat;

/**
 * A plan in tagwarden's own format (docs/tracking-plan.md) as plain data: what
 * `tagwarden plan import` writes. Keys beginning with `x-` carry notes the format ignores.
 */
export interface PlanDocument {
  name: string;
  version?: string;
  description?: string;
  globals?: Record<string, unknown>;
  layers?: Record<string, unknown>;
  $defs?: Record<string, unknown>;
  events: Record<string, PlanDocumentEvent>;
  [note: `x-${string}`]: unknown;
}

/** One event of a `PlanDocument`: its settings and JSON Schema keywords. */
export type PlanDocumentEvent = Record<string, unknown>;

/** What one importer hands back: the translated plan and what did not translate. */
export interface ImportedPlan {
  plan: PlanDocument;
  warnings: ImportIssue[];
}

export type ImportResult =
  | {
      ok: true;
      format: ImportFormat;
      /** The plan as tagwarden writes it. */
      document: PlanDocument;
      /** The same plan loaded, ready for the validator. */
      plan: TrackingPlan;
      warnings: ImportIssue[];
    }
  | { ok: false; errors: ImportIssue[] };
