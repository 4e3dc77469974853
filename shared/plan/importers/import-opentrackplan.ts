import type { EventStatus, JsonSchema } from '../plan-types.js';
import type { DraftEvent } from './draft-plan.js';
import { buildPlanDocument } from './build-plan-document.js';
import { below, type ImportContext, type SourcePlace } from './import-context.js';
import type { ImportedPlan, PlanSourceFile, SourceDocument } from './import-types.js';
import { importWith, toImportedPlan } from './import-with.js';
import {
  dictionaryValues,
  fieldSchema,
  isFieldRequired,
  mergeField,
  type FieldContext,
} from './opentrackplan-fields.js';
import { resolvePayload, type TargetSelectors } from './opentrackplan-payload.js';
import { isRecord, listOf, putEntry, textOf } from './plain-data.js';
import type { ImporterOutput, ImportSource, PlanImporter } from './plan-importer.js';
import { repairSchema } from './repair-schema.js';

const statuses = new Set<EventStatus>(['active', 'deprecated', 'draft']);

/**
 * OpenTrackPlan projects: `opentp.yaml` (field catalog, common fields per target, checks),
 * one YAML file per event, and dictionaries. Each event's payload for the web target (or the
 * only target) becomes its properties: catalog and common fields merged under the event's own,
 * `value` as `const`, dictionaries as `enum`, `required` and fixed or restricted policies as
 * required. The `event_name` field's value names the event.
 */
export const opentrackplanImporter: PlanImporter = {
  format: 'opentrackplan',
  label: 'OpenTrackPlan project (opentp.yaml and event files)',
  detect: (documents) => documents.some((document) => kindOf(document) !== undefined),
  read: readOpenTrackPlan,
};

type OpenTrackPlanKind = 'main' | 'event' | 'dictionary';

function kindOf(document: SourceDocument): OpenTrackPlanKind | undefined {
  const { value } = document;
  if (!isRecord(value) || value['opentp'] === undefined) return undefined;
  if (isRecord(value['event'])) return 'event';
  if (isRecord(value['spec'])) return 'main';
  if (isRecord(value['dict'])) return 'dictionary';
  return undefined;
}

interface PlanSpec {
  catalog: Record<string, unknown>;
  common: Record<string, unknown>;
  selectors: TargetSelectors;
  target: string;
  checks: Record<string, unknown>;
}

function readOpenTrackPlan(source: ImportSource, context: ImportContext): ImporterOutput | null {
  const main = source.documents.find((document) => kindOf(document) === 'main');
  const info = isRecord(main?.value) && isRecord(main.value['info']) ? main.value['info'] : {};
  const spec = readSpec(main, context);
  const eventDocuments = source.documents.filter((document) => kindOf(document) === 'event');
  const names = eventNames(eventDocuments);
  const events = eventDocuments.flatMap((document) => {
    const event = readEvent(document, spec, names, source, context);
    return event ? [event] : [];
  });
  const first = eventDocuments[0] ?? source.documents[0];
  if (!main && first) {
    context.warn(
      { document: first, pointer: '' },
      'No opentp.yaml is among these files, so field types from its catalog are unknown.',
      'Import the folder that holds opentp.yaml, or pass opentp.yaml with the event files.',
    );
  }
  const description = textOf(info['description']);
  const version = textOf(info['version']);
  const draft = {
    name: textOf(info['title']) ?? 'opentrackplan',
    ...(version ? { version } : {}),
    ...(description ? { description } : {}),
    events,
  };
  return { document: buildPlanDocument(draft, context) };
}

function readSpec(main: SourceDocument | undefined, context: ImportContext): PlanSpec {
  const spec = isRecord(main?.value) && isRecord(main.value['spec']) ? main.value['spec'] : {};
  const events = isRecord(spec['events']) ? spec['events'] : {};
  const payload = isRecord(events['payload']) ? events['payload'] : {};
  const selectors = isRecord(payload['targets']) ? payload['targets'] : {};
  const all = listOf(selectors['all']).filter(
    (target): target is string => typeof target === 'string',
  );
  const target = all.includes('web') ? 'web' : (all[0] ?? 'web');
  if (main && all.length > 1) {
    context.warn(
      { document: main, pointer: '/spec/events/payload/targets/all' },
      `Events are read for the "${target}" target; ${all.filter((t) => t !== target).join(', ')} are left out.`,
      'tagwarden checks web traffic; import a copy of the plan per target if you need others.',
    );
  }
  return {
    catalog: isRecord(payload['schema']) ? payload['schema'] : {},
    common: isRecord(spec['targets']) ? spec['targets'] : {},
    selectors: { ...selectors, all: all.length > 0 ? all : ['web'] },
    target,
    checks: isRecord(spec['checks']) ? spec['checks'] : {},
  };
}

/** Event key → the name the event is sent under, for `replacedBy`. */
function eventNames(documents: SourceDocument[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const document of documents) {
    const event = (document.value as Record<string, unknown>)['event'] as Record<string, unknown>;
    const key = textOf(event['key']);
    if (key !== undefined) names.set(key, nameFromKey(key));
  }
  return names;
}

function nameFromKey(key: string): string {
  return key.split('::').pop() || key;
}

function readEvent(
  document: SourceDocument,
  spec: PlanSpec,
  names: Map<string, string>,
  source: ImportSource,
  context: ImportContext,
): DraftEvent | undefined {
  const event = (document.value as Record<string, unknown>)['event'] as Record<string, unknown>;
  const place: SourcePlace = { document, pointer: '/event' };
  const key = textOf(event['key']);
  if (key === undefined) {
    context.warn(place, 'This event has no "key", so it is skipped.', 'Give the event a "key".');
    return undefined;
  }
  const payload = resolvePayload(
    event['payload'],
    below(place, 'payload'),
    spec.target,
    spec.selectors,
    context,
  );
  if (!payload) {
    context.warn(
      place,
      `"${key}" is not sent on the ${spec.target} target, so it is left out.`,
      '',
    );
    return undefined;
  }
  const { schema, sentName } = payloadSchema(payload.fields, spec, payload.place, source, context);
  const name = sentName ?? nameFromKey(key);
  names.set(key, name);
  return withMetadata({ name, place, schema }, event, names);
}

function payloadSchema(
  fields: Record<string, unknown>,
  spec: PlanSpec,
  place: SourcePlace,
  source: ImportSource,
  context: ImportContext,
): { schema: JsonSchema; sentName: string | undefined } {
  const commonAll = commonFields(spec, 'all');
  const commonTarget = commonFields(spec, spec.target);
  const fieldNames = new Set([
    ...Object.keys(commonAll),
    ...Object.keys(commonTarget),
    ...Object.keys(fields),
  ]);
  const fieldContext: FieldContext = {
    dictionary: (reference) => findDictionary(source, reference),
    checks: spec.checks,
    warn: (field, message) => context.warn(below(place, field), message, ''),
  };
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  let sentName: string | undefined;
  for (const name of fieldNames) {
    const merged = mergeField([
      spec.catalog[name],
      commonAll[name],
      commonTarget[name],
      fields[name],
    ]);
    if (name === 'event_name' && typeof merged['value'] === 'string') {
      sentName = merged['value'];
      continue;
    }
    putEntry(properties, name, fieldSchema(name, merged, fieldContext));
    if (isFieldRequired(merged)) required.push(name);
  }
  const raw = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  const schema = repairSchema(raw, {
    warn: (pointer, message, hint) => context.warn(place, `${message} (${pointer})`, hint),
  });
  return { schema, sentName };
}

function commonFields(spec: PlanSpec, target: string): Record<string, unknown> {
  const entry = spec.common[target];
  return isRecord(entry) && isRecord(entry['schema']) ? entry['schema'] : {};
}

function findDictionary(source: ImportSource, reference: string): unknown[] | undefined {
  const wanted = reference.replace(/^\/+/, '');
  const document = source.documents.find(
    (candidate) =>
      /\.ya?ml$/i.test(candidate.file) &&
      candidate.file
        .replace(/\\/g, '/')
        .replace(/\.ya?ml$/i, '')
        .endsWith(wanted) &&
      dictionaryValues(candidate.value) !== undefined,
  );
  return document ? dictionaryValues(document.value) : undefined;
}

function withMetadata(
  draft: DraftEvent,
  event: Record<string, unknown>,
  names: Map<string, string>,
): DraftEvent {
  const lifecycle = isRecord(event['lifecycle']) ? event['lifecycle'] : {};
  const status = textOf(lifecycle['status']);
  if (status !== undefined && statuses.has(status as EventStatus))
    draft.status = status as EventStatus;
  const replacedBy = textOf(lifecycle['replacedBy']);
  if (replacedBy !== undefined) draft.replacedBy = names.get(replacedBy) ?? nameFromKey(replacedBy);
  const taxonomy = isRecord(event['taxonomy']) ? event['taxonomy'] : {};
  const description = textOf(taxonomy['action']) ?? textOf(event['description']);
  if (description !== undefined) draft.description = description;
  return draft;
}

/** An OpenTrackPlan project's files in tagwarden's format, for the web target. */
export function importOpenTrackPlan(files: readonly PlanSourceFile[]): ImportedPlan {
  return toImportedPlan(importWith(opentrackplanImporter, files));
}
