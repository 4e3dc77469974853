import type { DataLayerModel } from './replay-types.js';
import { runCommandArray } from './run-command-array.js';
import type { StepOutcome } from './step-outcome.js';

/** An Array message: a command array run on the model (protocol notes §11.4). */
export function processCommandPush(
  model: DataLayerModel,
  command: readonly unknown[],
): StepOutcome {
  const result = runCommandArray(model, command);
  return {
    kind: 'command',
    event: null,
    warnings: result.warnings,
    // A method ran on a live model value; it may hold references anywhere in the model.
    changedKeys: result.didCall ? 'all' : [],
    mayShareContainers: result.didCall,
  };
}
