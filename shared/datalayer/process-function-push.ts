import { createModelInterface } from './create-model-interface.js';
import { describeError } from './describe-error.js';
import type { DataLayerModel, ReplayWarning } from './replay-types.js';
import { replayWarning } from './replay-warning.js';
import type { StepOutcome } from './step-outcome.js';

/**
 * A function message: called with `this` set to `{get, set, reset}` over the model (protocol
 * notes §11.6). An exception is caught and `set` calls made before it stay applied. A function
 * that only crossed JSON as `{"$function": "name"}` cannot run and is reported.
 */
export function processFunctionPush(model: DataLayerModel, pushed: unknown): StepOutcome {
  if (typeof pushed !== 'function') {
    const message = 'A function was pushed, but only its name crossed JSON, so it was not run.';
    const warning = replayWarning('function_not_replayable', message);
    return {
      kind: 'function',
      event: null,
      warnings: [warning],
      changedKeys: [],
      mayShareContainers: false,
    };
  }

  const warnings: ReplayWarning[] = [];
  try {
    const result: unknown = Reflect.apply(pushed, createModelInterface(model, warnings), []);
    if (isThenable(result)) warnings.push(asyncWarning(result));
  } catch (error) {
    const message =
      `The function threw (${describeError(error)}); ` + 'its earlier `set` calls still apply.';
    warnings.push(replayWarning('function_threw', message));
  }
  // The function held live references, so any branch of the model may have changed.
  return { kind: 'function', event: null, warnings, changedKeys: 'all', mayShareContainers: true };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null)?.then === 'function';
  } catch {
    return false;
  }
}

// Whatever the promise does later is outside the replay; a rejection must not go unhandled.
function asyncWarning(result: PromiseLike<unknown>): ReplayWarning {
  Promise.resolve(result).then(undefined, () => undefined);
  const message =
    'The function returned a promise; changes it makes after returning are not replayed.';
  return replayWarning('function_returned_promise', message, { severity: 'info' });
}
