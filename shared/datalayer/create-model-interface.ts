import { getModelValue } from './get-model-value.js';
import { mergeIntoModel } from './merge-into-model.js';
import type { DataLayerModel, ReplayWarning } from './replay-types.js';
import { replayWarning } from './replay-warning.js';

/** What `this` is inside a function pushed to the dataLayer (protocol notes §11.6). */
export interface DataLayerModelInterface {
  /** The live value at a dotted path (mutating it mutates the model); undefined through null. */
  get(path: string): unknown;
  /** Merges `value` at the dotted path, exactly like pushing `{[path]: value}`. */
  set(path: string, value: unknown): void;
  /** Empties the model, as GTM's documented `this.reset()` does. */
  reset(): void;
}

/** Builds the interface over `model`; warnings from `set` are appended to `warnings`. */
export function createModelInterface(
  model: DataLayerModel,
  warnings: ReplayWarning[],
): DataLayerModelInterface {
  return {
    get: (path) => (typeof path === 'string' ? getModelValue(model, path) : undefined),
    set: (path, value) => {
      if (typeof path !== 'string') {
        const message = '`this.set` needs a dotted path as text; the call changed nothing.';
        warnings.push(replayWarning('function_set_invalid', message));
        return;
      }
      warnings.push(...mergeIntoModel(model, { [path]: value }).warnings);
    },
    reset: () => {
      for (const key of Object.keys(model)) delete model[key];
    },
  };
}
