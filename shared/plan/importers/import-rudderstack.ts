import type { DraftEvent } from './draft-plan.js';
import { buildPlanDocument } from './build-plan-document.js';
import type { ImportContext } from './import-context.js';
import type { ImportedPlan, PlanSourceFile } from './import-types.js';
import { importWith, toImportedPlan } from './import-with.js';
import { textOf } from './plain-data.js';
import type { ImporterOutput, ImportSource, PlanImporter } from './plan-importer.js';
import {
  isRudderDocument,
  readRudderCatalog,
  type RudderCatalog,
  type RudderEntry,
} from './rudderstack-catalog.js';
import { RudderSchemas } from './rudderstack-property-schema.js';
import { readRudderRules } from './rudderstack-rules.js';

/**
 * RudderStack tracking plans as `rudder-cli` writes them: YAML files of kind `tp` /
 * `tracking-plan` whose rules `$ref` events and properties of the data catalog (kinds
 * `events`, `properties`, `custom-types`), in one multi-document file or a folder.
 * Rules become events; `required` marks, nested object properties, custom types (as
 * `$defs`), discriminator variants (as `if`/`then`/`else`) and `allow_unplanned` /
 * `additional_properties` carry over.
 */
export const rudderstackImporter: PlanImporter = {
  format: 'rudderstack',
  label: 'RudderStack tracking plan (rudder-cli YAML)',
  detect: (documents) => documents.some((document) => isRudderDocument(document.value)),
  read: readRudderstack,
};

function readRudderstack(source: ImportSource, context: ImportContext): ImporterOutput | null {
  const catalog = readRudderCatalog(source.documents, context);
  const schemas = new RudderSchemas(catalog, context);
  const [first, ...others] = catalog.plans;
  for (const other of others) {
    context.warn(
      other.place,
      'These files hold more than one tracking plan; their rules are read into one plan.',
      'Import each tracking plan with its own catalog files to keep them apart.',
    );
  }

  const events: DraftEvent[] = [];
  for (const plan of catalog.plans)
    events.push(...readRudderRules(plan, { catalog, schemas, context }));
  if (!first) events.push(...catalogOnlyEvents(catalog, context));

  const spec = first?.value ?? {};
  const name = textOf(spec['display_name']) ?? textOf(spec['id']) ?? first?.group ?? 'rudderstack';
  const description = textOf(spec['description']);
  const document = buildPlanDocument(
    { name, ...(description ? { description } : {}), $defs: schemas.definitions, events },
    context,
  );
  return { document };
}

// A data catalog without a tracking plan says which events exist, not what they carry.
function catalogOnlyEvents(catalog: RudderCatalog, context: ImportContext): DraftEvent[] {
  const seen = new Set<RudderEntry>();
  const events: DraftEvent[] = [];
  for (const entry of catalog.events.values()) {
    if (seen.has(entry)) continue;
    seen.add(entry);
    const name = textOf(entry.value['name']) ?? textOf(entry.value['id']) ?? '';
    if (name === '' || (textOf(entry.value['event_type']) ?? 'track') !== 'track') continue;
    const description = textOf(entry.value['description']);
    events.push({ name, place: entry.place, schema: {}, ...(description ? { description } : {}) });
  }
  const first = events[0];
  if (first) {
    context.warn(
      first.place,
      'These files hold a data catalog but no tracking plan, so events are planned without properties.',
      'Import the tracking plan file (kind: tp or tracking-plan) too.',
    );
  }
  return events;
}

/** A RudderStack project's YAML files in tagwarden's format, with what did not translate. */
export function importRudderstack(files: readonly PlanSourceFile[]): ImportedPlan {
  return toImportedPlan(importWith(rudderstackImporter, files));
}
