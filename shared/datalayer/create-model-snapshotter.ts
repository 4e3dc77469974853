import { deepFreeze } from './deep-freeze.js';
import { findKeysSharingContainers } from './find-keys-sharing-containers.js';
import { readModelVersion, type ModelVersion } from './read-model-version.js';
import type { DataLayerModel, TransportObject } from './replay-types.js';
import { serialiseValue } from './serialise-value.js';
import { setOwnValue } from './set-own-value.js';

/** Records the model after each step as a version that can be read back as transport data. */
export interface ModelSnapshotter {
  /**
   * Records the model after a step. `changedKeys` are the top-level keys the step may have
   * changed (`all` when unknown); `mayShareContainers` says the step may have made two
   * top-level keys share a container.
   */
  snapshot(
    model: DataLayerModel,
    changedKeys: 'all' | readonly string[],
    mayShareContainers: boolean,
  ): ModelVersion;
}

// Fewer changes than this never trigger a checkpoint; copying a small top level is cheap.
const MIN_CHANGES_PER_CHECKPOINT = 32;

/**
 * Builds a snapshotter whose cost follows the changes, not the model size. A step stores only
 * the serialised values of the top-level keys it changed; untouched keys keep sharing the
 * very same frozen values. A full checkpoint is taken once the changes since the last one
 * outnumber the top-level keys, so reading any version costs about one top-level copy and a
 * long replay with many top-level keys stays linear.
 */
export function createModelSnapshotter(): ModelSnapshotter {
  const keys = new Set<string>();
  let groups = new Map<string, string[]>();
  let current: ModelVersion = checkpointOf({});

  return {
    snapshot(model, changedKeys, mayShareContainers) {
      if (mayShareContainers) groups = findKeysSharingContainers(model);
      if (changedKeys === 'all') {
        current = checkpointOf(serialiseTopLevel(model));
        resetKeys(keys, current.checkpoint ?? {});
        return current;
      }

      const changes = [...withGroups(changedKeys, groups)].map((key) => changeOf(model, key, keys));
      if (changes.length === 0) return current;

      const changesSinceCheckpoint = current.changesSinceCheckpoint + changes.length;
      current = { base: current, checkpoint: null, changes, changesSinceCheckpoint };
      if (changesSinceCheckpoint >= Math.max(MIN_CHANGES_PER_CHECKPOINT, keys.size)) {
        current = checkpointOf(readModelVersion(current));
      }
      return current;
    },
  };
}

function changeOf(model: DataLayerModel, key: string, keys: Set<string>) {
  if (!Object.hasOwn(model, key)) {
    keys.delete(key);
    return [key, undefined] as const;
  }
  keys.add(key);
  return [key, deepFreeze(serialiseValue(model[key]))] as const;
}

function serialiseTopLevel(model: DataLayerModel): TransportObject {
  const snapshot: TransportObject = {};
  for (const key of Object.keys(model)) setOwnValue(snapshot, key, serialiseValue(model[key]));
  return snapshot;
}

function checkpointOf(topLevel: TransportObject): ModelVersion {
  return { base: null, checkpoint: deepFreeze(topLevel), changes: [], changesSinceCheckpoint: 0 };
}

function resetKeys(keys: Set<string>, topLevel: TransportObject): void {
  keys.clear();
  for (const key of Object.keys(topLevel)) keys.add(key);
}

function withGroups(keys: readonly string[], groups: Map<string, string[]>): Set<string> {
  const stale = new Set<string>();
  for (const key of keys) {
    for (const member of groups.get(key) ?? [key]) stale.add(member);
  }
  return stale;
}
