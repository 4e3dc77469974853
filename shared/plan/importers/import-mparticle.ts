import type { DraftEvent } from './draft-plan.js';
import { buildPlanDocument } from './build-plan-document.js';
import { below, type ImportContext, type SourcePlace } from './import-context.js';
import type { ImportedPlan, PlanSourceFile, SourceDocument } from './import-types.js';
import { importWith, toImportedPlan } from './import-with.js';
import { mparticleDataPoint } from './mparticle-data-point.js';
import { isRecord, listOf, textOf } from './plain-data.js';
import type { ImporterOutput, ImportSource, PlanImporter } from './plan-importer.js';

/**
 * mParticle data plans: a whole plan (`data_plan_versions`, the newest version is read), one
 * version (`version_document`) or a bare version document (`data_points`). Each data point
 * that describes an event (custom events, screen views, product and promotion actions)
 * becomes an event; user attributes and other points are listed as not translated.
 */
export const mparticleImporter: PlanImporter = {
  format: 'mparticle',
  label: 'mParticle data plan',
  detect: (documents) => documents.some((document) => versionDocument(document.value) !== null),
  read: readMparticle,
};

function readMparticle(source: ImportSource, context: ImportContext): ImporterOutput | null {
  const events: DraftEvent[] = [];
  let name: string | undefined;
  let description: string | undefined;
  let version: string | undefined;
  for (const document of source.documents) {
    const found = versionDocument(document.value);
    if (!found) continue;
    const place: SourcePlace = { document, pointer: found.pointer };
    warnOlderVersions(document, found.version, context);
    listOf(found.document['data_points']).forEach((point, index) => {
      const event = mparticleDataPoint(point, below(place, 'data_points', index), context);
      if (event) events.push(event);
    });
    const plan = isRecord(document.value) ? document.value : {};
    name ??= textOf(plan['data_plan_name']) ?? textOf(plan['data_plan_id']);
    description ??= textOf(plan['data_plan_description']) ?? textOf(plan['version_description']);
    version ??= found.version === undefined ? undefined : String(found.version);
  }
  const draft = {
    name: name ?? 'mparticle-data-plan',
    ...(version ? { version } : {}),
    ...(description ? { description } : {}),
    events,
  };
  return { document: buildPlanDocument(draft, context) };
}

interface FoundVersion {
  document: Record<string, unknown>;
  pointer: string;
  version: number | string | undefined;
}

// The three shapes mParticle hands out, plus the `{document: …}` wrapper its SDK validators take.
function versionDocument(value: unknown): FoundVersion | null {
  if (!isRecord(value)) return null;
  if (Array.isArray(value['data_points']))
    return { document: value, pointer: '', version: undefined };
  for (const key of ['version_document', 'document']) {
    const inner = value[key];
    if (isRecord(inner) && Array.isArray(inner['data_points']))
      return { document: inner, pointer: `/${key}`, version: versionOf(value) };
  }
  const versions = listOf(value['data_plan_versions']);
  let newest: { index: number; version: number } | undefined;
  versions.forEach((entry, index) => {
    const version = isRecord(entry) ? Number(entry['version']) : NaN;
    const hasDocument = isRecord(entry) && isRecord(entry['version_document']);
    if (hasDocument && (newest === undefined || version > newest.version))
      newest = { index, version: Number.isFinite(version) ? version : 0 };
  });
  if (!newest) return null;
  const entry = versions[newest.index] as Record<string, unknown>;
  const inner = entry['version_document'] as Record<string, unknown>;
  if (!Array.isArray(inner['data_points'])) return null;
  return {
    document: inner,
    pointer: `/data_plan_versions/${newest.index}/version_document`,
    version: versionOf(entry),
  };
}

function versionOf(value: Record<string, unknown>): number | string | undefined {
  const version = value['version'];
  return typeof version === 'number' || typeof version === 'string' ? version : undefined;
}

function warnOlderVersions(
  document: SourceDocument,
  used: number | string | undefined,
  context: ImportContext,
): void {
  const versions = isRecord(document.value) ? listOf(document.value['data_plan_versions']) : [];
  if (versions.length < 2) return;
  context.warn(
    { document, pointer: '/data_plan_versions' },
    `The data plan has ${versions.length} versions; version ${String(used)}, the newest, is imported.`,
    'Export the one version you want to check against if it is not the newest.',
  );
}

/** An mParticle data plan (or one version of it) in tagwarden's format. */
export function importMparticle(files: readonly PlanSourceFile[]): ImportedPlan {
  return toImportedPlan(importWith(mparticleImporter, files));
}
