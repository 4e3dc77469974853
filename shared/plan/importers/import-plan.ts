import { foreignImporters } from './foreign-importers.js';
import {
  ga4RecommendedImporter,
  jsonSchemaMapImporter,
  segmentImporter,
  tagwardenImporter,
} from './import-loaded-plan.js';
import type { ImportFormat, ImportResult, PlanSourceFile } from './import-types.js';
import { importWith } from './import-with.js';
import { parseSourceFiles, type ParsedSourceFiles } from './parse-source-files.js';
import type { PlanImporter } from './plan-importer.js';

/** Every importer, in the order detection tries them. */
export const planImporters: readonly PlanImporter[] = [
  ...foreignImporters,
  segmentImporter,
  tagwardenImporter,
  jsonSchemaMapImporter,
  ga4RecommendedImporter,
];

/** The formats `importPlan` reads, with how each is named. */
export const importFormats: ReadonlyArray<{ format: ImportFormat; label: string }> =
  planImporters.map(({ format, label }) => ({ format, label }));

export interface ImportPlanOptions {
  /** The source format; detected from the content when left out. */
  from?: ImportFormat | string;
}

/**
 * Reads a tracking plan written for another tool (or for tagwarden) from its files and hands
 * it back in tagwarden's format, loaded and ready for the validator, with a warning for every
 * part that did not translate, placed in the source file. The format is detected unless
 * `from` names it; when nothing matches, the error names the files and every format tried.
 * Never throws.
 */
export function importPlan(
  files: readonly PlanSourceFile[],
  options: ImportPlanOptions = {},
): ImportResult {
  const fileName = files[0]?.name ?? 'plan';
  if (files.length === 0) return failure(fileName, 'No plan files were given.', fromHint);
  const parsed = parseSourceFiles(files);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };

  const importer =
    options.from === undefined
      ? planImporters.find((candidate) => candidate.detect(parsed.documents))
      : planImporters.find((candidate) => candidate.format === options.from);
  if (importer && options.from !== undefined && !isForcedMatch(importer, parsed.documents)) {
    return failure(
      fileName,
      `${describeFiles(files)} does not hold a ${importer.label}.`,
      'Check the file, or leave out --from to let tagwarden detect the format.',
    );
  }
  if (importer) return importWith(importer, files, parsed);
  if (options.from !== undefined) {
    return failure(
      fileName,
      `"${options.from}" is not a plan format tagwarden imports.`,
      `Use one of: ${formatNames()}.`,
    );
  }
  return failure(
    fileName,
    `${describeFiles(files)} is in no plan format tagwarden recognises (tried: ${formatNames()}).`,
    fromHint,
  );
}

// The bundled GA4 plan is tagwarden's own format under another name.
function isForcedMatch(importer: PlanImporter, documents: ParsedSourceFiles['documents']): boolean {
  if (importer.format === 'ga4-recommended') return tagwardenImporter.detect(documents);
  return importer.detect(documents);
}

const fromHint =
  'Name the format with --from, or check the file is the export of one of these tools (docs/tracking-plan.md lists the shapes).';

function formatNames(): string {
  return planImporters.map((importer) => importer.format).join(', ');
}

function describeFiles(files: readonly PlanSourceFile[]): string {
  const names = files.map((file) => file.name);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more files`;
}

function failure(file: string, message: string, hint: string): ImportResult {
  return { ok: false, errors: [{ file, line: 1, column: 1, message, hint }] };
}
