import type { ContainerIndex, JsonObject } from './container-types.js';
import { createIdAllocator } from './create-id-allocator.js';
import type { MirrorNote, MirrorOptions, MirrorSummary } from './mirror-types.js';
import { normaliseForImport } from './normalise-for-import.js';

/** The lists of a container version a mirror run writes to. */
export type OutputList = keyof MirrorSummary['added'];

const idKeyOf: Record<OutputList, string> = {
  tag: 'tagId',
  trigger: 'triggerId',
  variable: 'variableId',
  folder: 'folderId',
  customTemplate: 'templateId',
  builtInVariable: 'type',
};

/** The state of one mirror run: what it will write, and the counters of its summary. */
export interface MirrorBuild {
  container: ContainerIndex;
  options: MirrorOptions;
  nextId: () => string;
  fingerprint: string;
  output: Record<OutputList, JsonObject[]>;
  added: MirrorSummary['added'];
  changed: number;
  copiedDependencies: number;
  notes: MirrorNote[];
  /** Tag names in use, so mirror tags get unique names. */
  tagNames: Set<string>;
}

export function startMirrorBuild(container: ContainerIndex, options: MirrorOptions): MirrorBuild {
  return {
    container,
    options,
    nextId: createIdAllocator(container),
    fingerprint: String(Math.trunc(options.now)),
    output: {
      tag: [],
      trigger: [],
      variable: [],
      folder: [],
      customTemplate: [],
      builtInVariable: [],
    },
    added: { tag: 0, trigger: 0, variable: 0, folder: 0, customTemplate: 0, builtInVariable: 0 },
    changed: 0,
    copiedDependencies: 0,
    notes: [],
    tagNames: new Set(container.tags.map((tag) => tag.name)),
  };
}

/**
 * Puts an object into the export once (by its id): `added` for objects new to the container,
 * `changed` for existing ones written back with changes, `copied` for unchanged copies.
 */
export function writeObject(
  build: MirrorBuild,
  list: OutputList,
  object: JsonObject,
  kind: 'added' | 'changed' | 'copied',
): void {
  const key = idKeyOf[list];
  const id = String(object[key]);
  if (build.output[list].some((existing) => String(existing[key]) === id)) return;
  // Built-in variables carry no fingerprint in exports.
  build.output[list].push(
    normaliseForImport(object, list === 'builtInVariable' ? undefined : build.fingerprint),
  );
  if (kind === 'added') build.added[list]++;
  else if (kind === 'changed') build.changed++;
  else build.copiedDependencies++;
}

/** The account and container ids every new object carries. */
export function ownerIds(build: MirrorBuild): { accountId: string; containerId: string } {
  return { accountId: build.container.accountId, containerId: build.container.containerId };
}
