import { appendPointer, splitPointer } from '../json-pointer.js';
import { PlanIssues } from '../plan-issues.js';
import { createPlanPositions } from '../plan-positions.js';
import type { TrackingPlan } from '../plan-types.js';
import { readTagwardenPlan } from '../read-tagwarden-plan.js';
import { ImportContext, positionIn } from './import-context.js';
import type { ImportedPlan, ImportResult, PlanDocument, PlanSourceFile } from './import-types.js';
import { parseSourceFiles, type ParsedSourceFiles } from './parse-source-files.js';
import type { ImporterOutput, PlanImporter } from './plan-importer.js';

/**
 * Imports source files with one importer: parse, translate, then load the translated plan the
 * way every tagwarden plan is loaded, so its schemas get the same checks. Problems found in
 * that last step point back at the source event they came from. Never throws.
 */
export function importWith(
  importer: PlanImporter,
  files: readonly PlanSourceFile[],
  parsed: ParsedSourceFiles = parseSourceFiles(files),
): ImportResult {
  const context = new ImportContext();
  context.errors.push(...parsed.errors);
  context.warnings.push(...parsed.warnings);
  if (context.errors.length > 0) return { ok: false, errors: context.errors };

  const output = readSafely(importer, files, parsed, context);
  if (!output || context.errors.length > 0) return { ok: false, errors: failures(context, files) };
  const plan = output.loaded ?? loadDocument(output.document, importer, files, context);
  if (!plan || context.errors.length > 0) return { ok: false, errors: failures(context, files) };
  return {
    ok: true,
    format: importer.format,
    document: output.document,
    plan,
    warnings: context.warnings,
  };
}

/** The `{ plan, warnings, errors }` a single format's import function hands back. */
export function toImportedPlan(result: ImportResult): ImportedPlan & {
  errors: ImportedPlan['warnings'];
} {
  if (result.ok) return { plan: result.document, warnings: result.warnings, errors: [] };
  return { plan: { name: 'plan', events: {} }, warnings: [], errors: result.errors };
}

function readSafely(
  importer: PlanImporter,
  files: readonly PlanSourceFile[],
  parsed: ParsedSourceFiles,
  context: ImportContext,
): ImporterOutput | null {
  try {
    return importer.read({ files, documents: parsed.documents }, context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.errors.push({
      file: files[0]?.name ?? 'plan',
      line: 1,
      column: 1,
      message: `The ${importer.label} could not be read: ${reason}`,
      hint: 'Check the file against the format described in docs/tracking-plan.md.',
    });
    return null;
  }
}

function failures(context: ImportContext, files: readonly PlanSourceFile[]) {
  if (context.errors.length > 0) return context.errors;
  return [
    {
      file: files[0]?.name ?? 'plan',
      line: 1,
      column: 1,
      message: 'No plan could be read from this input.',
      hint: 'Check that the files hold a tracking plan.',
    },
  ];
}

function loadDocument(
  document: PlanDocument,
  importer: PlanImporter,
  files: readonly PlanSourceFile[],
  context: ImportContext,
): TrackingPlan | null {
  const fileName = files[0]?.name ?? 'plan';
  const positions = createPlanPositions();
  const fileOfEvent = new Map<string, string>();
  for (const [name, place] of context.eventOrigins) {
    const pointer = appendPointer('/events', name);
    positions.keys.set(pointer, positionIn(place));
    fileOfEvent.set(name, place.document.file);
  }
  const fileOf = (pointer: string) => {
    const [section, name] = splitPointer(pointer);
    return section === 'events' && name !== undefined ? fileOfEvent.get(name) : undefined;
  };
  const issues = new PlanIssues(fileName, positions, fileOf);
  const copy = structuredClone(document) as unknown as Record<string, unknown>;
  const plan = readTagwardenPlan(copy, fileName, issues);
  context.warnings.push(...issues.warnings);
  context.errors.push(...issues.errors);
  return { ...plan, source: { format: importer.format, fileName } };
}
