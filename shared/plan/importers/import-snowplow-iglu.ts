import type { DraftEvent } from './draft-plan.js';
import { buildPlanDocument } from './build-plan-document.js';
import type { ImportContext, SourcePlace } from './import-context.js';
import type { ImportedPlan, PlanSourceFile, SourceDocument } from './import-types.js';
import { importWith, toImportedPlan } from './import-with.js';
import { isRecord, textOf } from './plain-data.js';
import type { ImporterOutput, ImportSource, PlanImporter } from './plan-importer.js';
import { repairSchema } from './repair-schema.js';

/** The self-describing header of an Iglu schema (`self`), or the one its path implies. */
interface IgluKey {
  vendor: string;
  name: string;
  version: [number, number, number];
}

// Iglu keeps schemas at `<vendor>/<name>/jsonschema/<MODEL-REVISION-ADDITION>`.
const igluPath =
  /(?:^|[\\/])([^\\/]+)[\\/]([^\\/]+)[\\/]jsonschema[\\/](\d+)-(\d+)-(\d+)(?:\.json)?$/;
const selfDescribingMeta = /com\.snowplowanalytics\.self-desc\/schema\/jsonschema/;

/**
 * Snowplow Iglu self-describing JSON Schemas: one file, or a registry folder of
 * `vendor/name/jsonschema/1-0-0` files. Each schema becomes an event named after `self.name`;
 * of several versions of one schema the highest SchemaVer is used. Iglu schemas are draft-04,
 * which is translated (`exclusiveMinimum: true`, tuple `items`).
 */
export const snowplowIgluImporter: PlanImporter = {
  format: 'snowplow-iglu',
  label: 'Snowplow Iglu self-describing JSON Schema',
  detect: (documents) => documents.some((document) => isSelfDescribing(document)),
  read: readIglu,
};

function isSelfDescribing(document: SourceDocument): boolean {
  const { value } = document;
  if (!isRecord(value)) return false;
  const self = value['self'];
  if (isRecord(self) && typeof self['vendor'] === 'string' && typeof self['name'] === 'string')
    return true;
  return typeof value['$schema'] === 'string' && selfDescribingMeta.test(value['$schema']);
}

function readIglu(source: ImportSource, context: ImportContext): ImporterOutput | null {
  const newest = new Map<string, { key: IgluKey; document: SourceDocument }>();
  for (const document of source.documents) {
    if (!isRecord(document.value)) continue;
    const key = igluKey(document, context);
    if (!key) continue;
    const id = `${key.vendor}/${key.name}`;
    const known = newest.get(id);
    if (!known || compareVersions(key.version, known.key.version) > 0)
      newest.set(id, { key, document });
  }

  const events: DraftEvent[] = [];
  const vendorsByName = new Map<string, string>();
  for (const { key, document } of newest.values()) {
    const place: SourcePlace = { document, pointer: '' };
    const clash = vendorsByName.get(key.name);
    if (clash !== undefined) {
      context.warn(
        place,
        `Both ${clash} and ${key.vendor} define "${key.name}"; the event keeps the first, ${clash}.`,
        'Rename one of the events in the imported plan.',
      );
      continue;
    }
    vendorsByName.set(key.name, key.vendor);
    events.push(igluEvent(key, document, place, context));
  }
  const vendors = [...new Set([...newest.values()].map(({ key }) => key.vendor))];
  return {
    document: buildPlanDocument({ name: vendors.join(', ') || 'snowplow', events }, context),
  };
}

function igluEvent(
  key: IgluKey,
  document: SourceDocument,
  place: SourcePlace,
  context: ImportContext,
): DraftEvent {
  const schema = repairSchema(document.value, {
    quietKeys: new Set(['self']),
    warn: (pointer, message, hint) => context.warn({ document, pointer }, message, hint),
  });
  const event: DraftEvent = { name: key.name, place, schema };
  const value = document.value as Record<string, unknown>;
  const description = textOf(value['description']);
  const version = key.version.join('-');
  event.description = `${description ?? key.name} (Iglu ${key.vendor}/${key.name} ${version})`;
  return event;
}

function igluKey(document: SourceDocument, context: ImportContext): IgluKey | undefined {
  const value = document.value as Record<string, unknown>;
  const self = isRecord(value['self']) ? value['self'] : undefined;
  const fromPath = igluPath.exec(document.file);
  const vendor = textOf(self?.['vendor']) ?? fromPath?.[1];
  const name = textOf(self?.['name']) ?? fromPath?.[2];
  const version =
    parseSchemaVer(textOf(self?.['version'])) ??
    (fromPath ? [Number(fromPath[3]), Number(fromPath[4]), Number(fromPath[5])] : undefined);
  if (vendor === undefined || name === undefined) {
    context.warn(
      { document, pointer: '' },
      'This schema has no "self" block naming its vendor and name, so it is skipped.',
      'Add "self": {"vendor", "name", "format": "jsonschema", "version": "1-0-0"}.',
    );
    return undefined;
  }
  return { vendor, name, version: (version ?? [1, 0, 0]) as IgluKey['version'] };
}

function parseSchemaVer(text: string | undefined): [number, number, number] | undefined {
  const match = text === undefined ? null : /^(\d+)-(\d+)-(\d+)$/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compareVersions(left: IgluKey['version'], right: IgluKey['version']): number {
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Iglu self-describing schemas in tagwarden's format, one event per schema. */
export function importSnowplowIglu(files: readonly PlanSourceFile[]): ImportedPlan {
  return toImportedPlan(importWith(snowplowIgluImporter, files));
}
