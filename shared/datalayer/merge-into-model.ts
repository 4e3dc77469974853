import { expandKeyValue } from './expand-key-value.js';
import type { PlainObject } from './is-plain-object.js';
import { isUnsafeKey } from './is-unsafe-key.js';
import { mergeRecursive, type MergeContext } from './merge-recursive.js';
import type { DataLayerModel, ReplayWarning } from './replay-types.js';
import { replayWarning } from './replay-warning.js';

/** What merging one message changed. */
export interface MergeReport {
  /** Top-level model keys the message wrote to (the first segment of each dotted key). */
  touchedKeys: string[];
  warnings: ReplayWarning[];
  /** True when a container of the message now lives in the model by reference (`_clear`). */
  sharesContainers: boolean;
}

/**
 * Merges a plain-object message into the model as GTM does: each top-level key on its own,
 * in the message's key order, with dotted keys expanded (`{'a.b': 1}` sets `a.b`), then
 * merged recursively (protocol notes §11.2, §11.3). Because every key is merged separately a
 * top-level `_clear` does nothing, and `{'a.b': 1, a: 2}` ends with `a = 2`. A key with a
 * `__proto__`, `constructor` or `prototype` segment is skipped with a warning.
 */
export function mergeIntoModel(model: DataLayerModel, message: PlainObject): MergeReport {
  const context: MergeContext = { warnings: [], sharesContainers: false };
  const touchedKeys: string[] = [];

  for (const key of Object.keys(message)) {
    const segments = key.split('.');
    if (segments.some(isUnsafeKey)) {
      const warning = `The key "${key}" was skipped: writing it could change an object prototype.`;
      context.warnings.push(replayWarning('unsafe_key_skipped', warning, { key }));
      continue;
    }
    if (key === '_clear') warnTopLevelClear(context);

    mergeRecursive(expandKeyValue(key, message[key]), model, '', context);
    touchedKeys.push(segments[0] ?? key);
  }
  return { touchedKeys, warnings: context.warnings, sharesContainers: context.sharesContainers };
}

function warnTopLevelClear(context: MergeContext): void {
  const message =
    'A top-level `_clear` has no effect: each top-level key is merged on its own. ' +
    'Put `_clear: true` inside the object to replace, e.g. `{ecommerce: {_clear: true, …}}`.';
  context.warnings.push(replayWarning('clear_flag_top_level', message, { key: '_clear' }));
}
