import { classifyValue, type ValueKind } from './classify-value.js';
import { describeError } from './describe-error.js';
import { processArgumentsPush } from './process-arguments-push.js';
import { processCommandPush } from './process-command-push.js';
import { processFunctionPush } from './process-function-push.js';
import { processObjectPush } from './process-object-push.js';
import type { DataLayerModel, ReplayConsentState, ReplayKind } from './replay-types.js';
import { replayWarning } from './replay-warning.js';
import type { StepOutcome } from './step-outcome.js';
import { valueTypeName } from './value-type-name.js';

const KINDS: Record<ValueKind, ReplayKind> = {
  'plain-object': 'object',
  array: 'command',
  arguments: 'arguments',
  function: 'function',
  other: 'ignored',
};

/**
 * Processes one revived message against the model, choosing the handler the way GTM does
 * (protocol notes §11.1). Whatever goes wrong becomes a warning on the outcome.
 */
export function processMessage(
  model: DataLayerModel,
  consent: ReplayConsentState,
  message: unknown,
): StepOutcome {
  const kind = classifyValue(message);
  try {
    return dispatch(model, consent, kind, message);
  } catch (error) {
    // Throwing getters or a stack overflow on a pathological value: report and keep going.
    const text =
      `Processing this message failed (${describeError(error)}); ` +
      'the model may be partly updated.';
    const warning = replayWarning('push_threw', text, { severity: 'error' });
    return {
      kind: KINDS[kind],
      event: null,
      warnings: [warning],
      changedKeys: 'all',
      mayShareContainers: true,
    };
  }
}

function dispatch(
  model: DataLayerModel,
  consent: ReplayConsentState,
  kind: ValueKind,
  message: unknown,
): StepOutcome {
  switch (kind) {
    case 'plain-object':
      return processObjectPush(model, message as DataLayerModel);
    case 'array':
      return processCommandPush(model, message as unknown[]);
    case 'arguments':
      return processArgumentsPush(model, message, consent);
    case 'function':
      return processFunctionPush(model, message);
    case 'other':
      return ignored(message);
  }
}

// GTM ignores strings, numbers, null, Dates and class instances (protocol notes §11.1).
function ignored(message: unknown): StepOutcome {
  const text =
    `GTM ignores a pushed ${valueTypeName(message)}: ` +
    'only objects, arrays, arguments and functions count.';
  const warning = replayWarning('push_ignored', text, { severity: 'info' });
  return {
    kind: 'ignored',
    event: null,
    warnings: [warning],
    changedKeys: [],
    mayShareContainers: false,
  };
}
