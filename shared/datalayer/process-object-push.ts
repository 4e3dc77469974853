import type { PlainObject } from './is-plain-object.js';
import { lintObjectPush } from './lint-object-push.js';
import { mergeIntoModel } from './merge-into-model.js';
import type { DataLayerModel, ReplayWarning } from './replay-types.js';
import { replayWarning } from './replay-warning.js';
import type { StepOutcome } from './step-outcome.js';

/**
 * A plain-object message: merged into the model, and an event when it has an `event` key
 * (the key itself is merged too, so the model keeps the last event; notes §11.7).
 */
export function processObjectPush(model: DataLayerModel, message: PlainObject): StepOutcome {
  const warnings = lintObjectPush(message);
  const event = readEventName(message, warnings);
  const report = mergeIntoModel(model, message);

  return {
    kind: 'object',
    event,
    warnings: [...warnings, ...report.warnings],
    changedKeys: report.touchedKeys,
    mayShareContainers: report.sharesContainers,
  };
}

function readEventName(message: PlainObject, warnings: ReplayWarning[]): string | null {
  if (!Object.hasOwn(message, 'event')) return null;

  const value = message['event'];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    const text =
      `The event name is a ${typeof value}; ` + `GTM compares it as the text "${String(value)}".`;
    warnings.push(replayWarning('event_name_invalid', text, { key: 'event', severity: 'info' }));
    return String(value);
  }
  const text = 'The `event` key holds no name, so this message is not an event.';
  warnings.push(replayWarning('event_name_invalid', text, { key: 'event' }));
  return null;
}
