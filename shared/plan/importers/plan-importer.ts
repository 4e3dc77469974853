import type { TrackingPlan } from '../plan-types.js';
import type { ImportContext } from './import-context.js';
import type { ImportFormat, PlanDocument, PlanSourceFile, SourceDocument } from './import-types.js';

/** The files of one plan, as text and as parsed documents. */
export interface ImportSource {
  files: readonly PlanSourceFile[];
  documents: readonly SourceDocument[];
}

/** What an importer read: the plan document, and the loaded plan when it already has one. */
export interface ImporterOutput {
  document: PlanDocument;
  loaded?: TrackingPlan;
}

/** One format tagwarden imports. */
export interface PlanImporter {
  format: ImportFormat;
  /** How the format is named in messages. */
  label: string;
  /** Whether the parsed documents are in this format. */
  detect(documents: readonly SourceDocument[]): boolean;
  /** The plan in tagwarden's format; `null` when nothing could be read (see the errors). */
  read(source: ImportSource, context: ImportContext): ImporterOutput | null;
}
