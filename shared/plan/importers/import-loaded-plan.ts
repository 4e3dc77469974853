import { detectPlanFormat } from '../detect-plan-format.js';
import { loadPlan } from '../load-plan.js';
import type { PlanFormat, TrackingPlan } from '../plan-types.js';
import type { DraftEvent } from './draft-plan.js';
import { buildPlanDocument } from './build-plan-document.js';
import type { ImportContext } from './import-context.js';
import type { ImportedPlan, PlanDocument, PlanSourceFile, SourceDocument } from './import-types.js';
import { copyData, isRecord } from './plain-data.js';
import { repairSchema } from './repair-schema.js';
import { importWith, toImportedPlan } from './import-with.js';
import type { ImporterOutput, ImportSource, PlanImporter } from './plan-importer.js';

const annotations: ReadonlySet<string> = new Set(['key', 'labels', 'id']);

/**
 * The formats `loadPlan` already reads on its own (tagwarden, Segment Protocols, JSON Schema
 * maps, the bundled GA4 plan): importing one loads it as `tagwarden check` would and writes
 * it in tagwarden's format.
 */
function loadedPlanImporter(format: PlanFormat, label: string): PlanImporter {
  return {
    format,
    label,
    detect: (documents) => documents.length > 0 && documents.every((doc) => isIn(format, doc)),
    read: (source, context) => readLoaded(format, source, context),
  };
}

function isIn(format: PlanFormat, document: SourceDocument): boolean {
  if (format === 'ga4-recommended') return false;
  return detectPlanFormat(document.value) === format;
}

function readLoaded(
  format: PlanFormat,
  source: ImportSource,
  context: ImportContext,
): ImporterOutput | null {
  const [file, ...others] = source.files;
  const document = source.documents.find((candidate) => candidate.file === file?.name);
  if (!file || !document) return null;
  for (const other of others) {
    context.warn(
      {
        document: source.documents.find((doc) => doc.file === other.name) ?? document,
        pointer: '',
      },
      `Only the first ${format} file is read; ${other.name} is left out.`,
      'Import each of these plans on its own.',
    );
  }
  const result = loadPlan(file.text, file.name);
  if (!result.ok) {
    context.errors.push(...result.errors);
    return null;
  }
  context.warnings.push(...result.warnings);
  const plan: TrackingPlan = { ...result.plan, source: { format, fileName: file.name } };
  return { document: documentOf(format, plan, document, context), loaded: plan };
}

function documentOf(
  format: PlanFormat,
  plan: TrackingPlan,
  source: SourceDocument,
  context: ImportContext,
): PlanDocument {
  // A tagwarden plan is already in the format: written back as it was read.
  if ((format === 'tagwarden' || format === 'ga4-recommended') && isRecord(source.value))
    return copyData(source.value) as PlanDocument;
  // The loader already reported what these schemas hold; the repair only drops Segment's
  // annotations (`key`, `labels`) from the written plan.
  const events: DraftEvent[] = Object.values(plan.events).map((event) => ({
    name: event.name,
    place: { document: source, pointer: '' },
    schema: repairSchema(event.schema, { quietKeys: annotations, warn: () => undefined }),
    ...(event.description ? { description: event.description } : {}),
  }));
  return buildPlanDocument({ name: plan.name, version: plan.version, events }, context);
}

export const tagwardenImporter = loadedPlanImporter('tagwarden', 'tagwarden plan');
export const segmentImporter = loadedPlanImporter(
  'segment-protocols',
  'Segment Protocols plan (Config API export or typewriter plan)',
);
export const jsonSchemaMapImporter = loadedPlanImporter(
  'json-schema-map',
  'map of event names to JSON Schemas',
);
export const ga4RecommendedImporter = loadedPlanImporter(
  'ga4-recommended',
  "bundled plan of Google's GA4 recommended events",
);

/** A Segment Protocols plan in tagwarden's format, with what did not translate. */
export function importSegmentPlan(files: readonly PlanSourceFile[]): ImportedPlan {
  return toImportedPlan(importWith(segmentImporter, files));
}

/** A JSON Schema map in tagwarden's format. */
export function importJsonSchemaMap(files: readonly PlanSourceFile[]): ImportedPlan {
  return toImportedPlan(importWith(jsonSchemaMapImporter, files));
}

/** The bundled GA4 recommended-events plan (its text), as a starting point for a team's plan. */
export function importGa4Recommended(text: string): ImportedPlan {
  return toImportedPlan(importWith(ga4RecommendedImporter, [{ name: 'ga4-recommended', text }]));
}
