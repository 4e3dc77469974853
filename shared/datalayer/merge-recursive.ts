import { isPlainObject, type PlainObject } from './is-plain-object.js';
import { isUnsafeKey } from './is-unsafe-key.js';
import { joinModelPath } from './join-model-path.js';
import type { ReplayWarning } from './replay-types.js';
import { replayWarning } from './replay-warning.js';
import { valueTypeName } from './value-type-name.js';

export type MergeContainer = unknown[] | PlainObject;

export interface MergeContext {
  warnings: ReplayWarning[];
  /** Set once an array or plain object of the message is stored by reference (under `_clear`). */
  sharesContainers: boolean;
}

/**
 * GTM's recursive merge of `from` into `to` (protocol notes §11.2): for each own enumerable
 * key, an array merges into an array index by index, a plain object into a plain object key
 * by key, and anything else (null, primitives, Dates, DOM nodes, functions, class instances)
 * overwrites. Containers that replace something are copied; other values go in by reference.
 * Empty slots of a sparse array are not own keys, so they overwrite nothing, while an explicit
 * `undefined` does. A truthy `_clear` in `from` stops the recursion for its children, and
 * `_clear` never stays in `to`. `__proto__`, `constructor` and `prototype` are skipped.
 */
export function mergeRecursive(
  from: MergeContainer,
  to: MergeContainer,
  path: string,
  context: MergeContext,
): void {
  const target = to as PlainObject;
  const source = from as PlainObject;
  const allowsMerge = !(Object.hasOwn(source, '_clear') && source['_clear']);
  if (!allowsMerge && path !== '') warnClearFlag(path, context);

  for (const key of Object.keys(source)) {
    const childPath = joinModelPath(path, key);
    if (isUnsafeKey(key)) {
      const message = `The key "${key}" was skipped: writing it could change an object prototype.`;
      context.warnings.push(replayWarning('unsafe_key_skipped', message, { key: childPath }));
      continue;
    }

    const value = source[key];
    if (allowsMerge && valueTypeName(value) === 'array') {
      if (valueTypeName(target[key]) !== 'array') target[key] = [];
      mergeRecursive(value as unknown[], target[key] as unknown[], childPath, context);
    } else if (allowsMerge && isPlainObject(value)) {
      if (!isPlainObject(target[key])) target[key] = {};
      mergeRecursive(value, target[key] as PlainObject, childPath, context);
    } else {
      target[key] = value;
      if (!allowsMerge && isContainer(value)) context.sharesContainers = true;
    }
  }
  delete target['_clear'];
}

function isContainer(value: unknown): boolean {
  return valueTypeName(value) === 'array' || isPlainObject(value);
}

// `_clear` comes from data-layer-helper (PR #48); whether GTM itself honours it is unverified
// (protocol notes §11.2, §14), so the replay applies it and says so.
function warnClearFlag(path: string, context: MergeContext): void {
  const message =
    '`_clear` replaced the children of this object instead of merging them, as ' +
    'data-layer-helper does; GTM support for `_clear` is unverified.';
  context.warnings.push(
    replayWarning('clear_flag_unverified', message, { key: path, severity: 'info' }),
  );
}
