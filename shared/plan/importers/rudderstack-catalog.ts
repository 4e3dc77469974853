import { below, type ImportContext, type SourcePlace } from './import-context.js';
import type { SourceDocument } from './import-types.js';
import { isRecord, listOf, textOf } from './plain-data.js';

/** One entry of a RudderStack data catalog or tracking plan file, with where it is. */
export interface RudderEntry {
  value: Record<string, unknown>;
  place: SourcePlace;
  /** The `metadata.name` of the file: the group `#/properties/<group>/<id>` names. */
  group: string;
}

/** Everything a RudderStack project's YAML files define, indexed by id. */
export interface RudderCatalog {
  events: Map<string, RudderEntry>;
  properties: Map<string, RudderEntry>;
  customTypes: Map<string, RudderEntry>;
  /** Tracking plans (`kind: tp` or `kind: tracking-plan`): their `spec`. */
  plans: RudderEntry[];
}

/** Whether a parsed document is a RudderStack CLI spec (`version: rudder/…`, `kind: …`). */
export function isRudderDocument(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value['version'] === 'string' &&
    /^rudder\//.test(value['version']) &&
    typeof value['kind'] === 'string'
  );
}

const listsByKind: Readonly<Record<string, [keyof Omit<RudderCatalog, 'plans'>, string]>> = {
  events: ['events', 'events'],
  properties: ['properties', 'properties'],
  'custom-types': ['customTypes', 'types'],
};
const planKinds = new Set(['tp', 'tracking-plan']);
const quietKinds = new Set(['categories']);

/**
 * Indexes the events, properties, custom types and tracking plans of RudderStack CLI YAML
 * documents (specs `rudder/v0.1` and `rudder/v1`). Kinds that are no part of a tracking plan
 * (sources, destinations, accounts) are skipped with a warning.
 */
export function readRudderCatalog(
  documents: readonly SourceDocument[],
  context: ImportContext,
): RudderCatalog {
  const catalog: RudderCatalog = {
    events: new Map(),
    properties: new Map(),
    customTypes: new Map(),
    plans: [],
  };
  for (const document of documents) {
    const { value } = document;
    if (!isRudderDocument(value)) continue;
    const kind = value['kind'] as string;
    const group = textOf(isRecord(value['metadata']) ? value['metadata']['name'] : '') ?? '';
    const spec = value['spec'];
    const place = { document, pointer: '/spec' };
    if (!isRecord(spec)) {
      context.warn({ document, pointer: '' }, `This ${kind} file has no "spec" map.`, specHint);
      continue;
    }
    if (planKinds.has(kind)) catalog.plans.push({ value: spec, place, group });
    else if (Object.hasOwn(listsByKind, kind))
      indexList(catalog, kind, spec, place, group, context);
    else if (!quietKinds.has(kind)) {
      context.warn(
        { document, pointer: '/kind' },
        `The kind "${kind}" is no part of a tracking plan, so the file is skipped.`,
        'Import the events, properties, custom-types and tracking plan files.',
      );
    }
  }
  return catalog;
}

const specHint = 'Write the definitions under "spec:", as rudder-cli does.';

function indexList(
  catalog: RudderCatalog,
  kind: string,
  spec: Record<string, unknown>,
  place: SourcePlace,
  group: string,
  context: ImportContext,
): void {
  const [target, listKey] = listsByKind[kind] ?? ['events', 'events'];
  listOf(spec[listKey]).forEach((entry, index) => {
    const entryPlace = below(place, listKey, index);
    const id = isRecord(entry) ? textOf(entry['id']) : undefined;
    if (!isRecord(entry) || id === undefined) {
      context.warn(entryPlace, `This ${kind} entry has no "id", so it is skipped.`, idHint);
      return;
    }
    const indexed: RudderEntry = { value: entry, place: entryPlace, group };
    catalog[target].set(`${group}/${id}`, indexed);
    if (!catalog[target].has(id)) catalog[target].set(id, indexed);
  });
}

const idHint = 'Give every entry an "id" that rules can refer to.';

/**
 * The entry a reference names: `#/properties/<group>/<id>` (spec v0.1), `#property:<id>`
 * (v1) or `urn:rudder:property/<id>`, looked up by group and id, then by id alone.
 */
export function findRudderEntry(
  entries: Map<string, RudderEntry>,
  ref: unknown,
): { entry: RudderEntry | undefined; id: string } | undefined {
  const target = refTarget(ref);
  if (target === undefined) return undefined;
  const entry =
    (target.group !== undefined ? entries.get(`${target.group}/${target.id}`) : undefined) ??
    entries.get(target.id);
  return { entry, id: target.id };
}

function refTarget(ref: unknown): { group?: string; id: string } | undefined {
  if (typeof ref !== 'string' || ref.trim() === '') return undefined;
  const legacy = /^#\/[^/]+\/([^/]+)\/(.+)$/.exec(ref);
  if (legacy?.[1] !== undefined && legacy[2] !== undefined)
    return { group: legacy[1], id: legacy[2] };
  const short = /^#[a-z-]+:(.+)$/.exec(ref) ?? /^urn:rudder:[a-z-]+\/(.+)$/.exec(ref);
  if (short?.[1] !== undefined) return { id: short[1] };
  const last = ref
    .split(/[/:#]/)
    .filter((part) => part !== '')
    .pop();
  return last === undefined ? undefined : { id: last };
}
