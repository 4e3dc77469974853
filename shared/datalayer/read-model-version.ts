import type { TransportObject, TransportValue } from './replay-types.js';
import { setOwnValue } from './set-own-value.js';

/**
 * The model's top level after one step, kept as a change list on top of an earlier version,
 * or as a full frozen checkpoint. Values are frozen transport values shared between versions.
 */
export interface ModelVersion {
  readonly base: ModelVersion | null;
  /** The whole top level; set on checkpoints, which have no base. */
  readonly checkpoint: TransportObject | null;
  /** Top-level keys written by the step, in write order; `undefined` means deleted. */
  readonly changes: ReadonlyArray<readonly [string, TransportValue | undefined]>;
  readonly changesSinceCheckpoint: number;
  /** The last materialised top level, kept only while something else holds it. */
  cached?: WeakRef<TransportObject>;
}

/**
 * Materialises a version as a frozen plain object: the checkpoint it builds on, with the
 * later changes replayed in order, so key order matches the live model's. Repeated reads give
 * the same object while it is in use.
 */
export function readModelVersion(version: ModelVersion): TransportObject {
  if (version.checkpoint) return version.checkpoint;
  const cached = version.cached?.deref();
  if (cached) return cached;

  const pending: ModelVersion[] = [];
  let cursor: ModelVersion = version;
  while (!cursor.checkpoint && cursor.base) {
    pending.push(cursor);
    cursor = cursor.base;
  }

  // Spreading defines own properties, so even a "__proto__" key is copied as data.
  const model: TransportObject = { ...cursor.checkpoint };
  for (const step of pending.reverse()) {
    for (const [key, value] of step.changes) {
      if (value === undefined) delete model[key];
      else setOwnValue(model, key, value);
    }
  }
  Object.freeze(model);
  version.cached = new WeakRef(model);
  return model;
}
