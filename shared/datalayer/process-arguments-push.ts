import { applyConsentCommand } from './apply-consent-command.js';
import { isPlainObject, type PlainObject } from './is-plain-object.js';
import { mergeIntoModel } from './merge-into-model.js';
import { readTransportMarker } from './read-transport-marker.js';
import type {
  DataLayerModel,
  GtagCall,
  ReplayConsentState,
  TransportObject,
} from './replay-types.js';
import { replayWarning } from './replay-warning.js';
import { serialiseValue } from './serialise-value.js';
import type { StepOutcome } from './step-outcome.js';

/**
 * An `Arguments` object: a gtag command (protocol notes §11.5). `set` merges into the model
 * like data-layer-helper's `set`; `event` becomes an event whose params stay out of the model;
 * `consent` changes the consent state, not the model; `config`, `js` and `get` are recorded.
 */
export function processArgumentsPush(
  model: DataLayerModel,
  pushed: unknown,
  consent: ReplayConsentState,
): StepOutcome {
  const [command, ...args] = argumentValues(pushed);
  const gtag: GtagCall = {
    command: typeof command === 'string' ? command : '',
    args: args.map((value) => serialiseValue(value)),
  };

  switch (command) {
    case 'set':
      return runSet(model, args, gtag);
    case 'event':
      return runEvent(args, gtag);
    case 'consent':
      return runConsent(args, consent, gtag);
    case 'config':
    case 'get':
      return runTargeted(args, gtag);
    case 'js':
      return runJs(args, gtag);
  }
  return runUnknown(command, gtag);
}

// ('set', {…}) merges the object; ('set', 'a.b', value) is the same as pushing {'a.b': value};
// any other form is a no-op (data-layer-helper `setCommand_test`).
function runSet(model: DataLayerModel, args: unknown[], gtag: GtagCall): StepOutcome {
  let message: PlainObject | undefined;
  if (args.length === 1 && isPlainObject(args[0])) message = args[0];
  if (args.length === 2 && typeof args[0] === 'string') message = { [args[0]]: args[1] };
  if (!message) {
    return invalid(gtag, "gtag('set') takes ({…}) or ('key', value); this call changed nothing.");
  }

  const report = mergeIntoModel(model, message);
  const params = args.length === 1 ? { params: serialiseObject(message) } : {};
  return {
    ...outcomeOf({ ...gtag, ...params }),
    warnings: report.warnings,
    changedKeys: report.touchedKeys,
    mayShareContainers: report.sharesContainers,
  };
}

function runEvent(args: unknown[], gtag: GtagCall): StepOutcome {
  const [name, params] = args;
  if (typeof name !== 'string') return invalid(gtag, "gtag('event') needs an event name as text.");
  if (params !== undefined && !isPlainObject(params)) {
    return invalid(gtag, `gtag('event', '${name}') has parameters that are not an object.`);
  }

  const eventParams = serialiseObject(params ?? {});
  return {
    ...outcomeOf({ ...gtag, eventName: name, params: eventParams }),
    event: name,
    eventParams,
  };
}

function runConsent(args: unknown[], consent: ReplayConsentState, gtag: GtagCall): StepOutcome {
  const [mode, params] = args;
  if (mode !== 'default' && mode !== 'update') {
    return invalid(gtag, "gtag('consent') needs 'default' or 'update' as its first argument.");
  }
  if (!isPlainObject(params)) return invalid(gtag, `gtag('consent', '${mode}') needs an object.`);

  const result = applyConsentCommand(consent, mode, params);
  const call: GtagCall = { ...gtag, consentMode: mode, params: serialiseObject(params) };
  return { ...outcomeOf(call), warnings: result.warnings, consent: result.state };
}

// ('config', 'G-…', {…}) configures a destination;
// ('get', 'G-…', 'client_id', callback) reads a value.
function runTargeted(args: unknown[], gtag: GtagCall): StepOutcome {
  const [targetId, second] = args;
  if (typeof targetId !== 'string') {
    return invalid(gtag, `gtag('${gtag.command}') needs a target id as text.`);
  }

  const call: GtagCall = { ...gtag, targetId };
  if (gtag.command === 'get' && typeof second === 'string') call.field = second;
  if (gtag.command === 'config' && isPlainObject(second)) call.params = serialiseObject(second);
  return outcomeOf(call);
}

function runJs(args: unknown[], gtag: GtagCall): StepOutcome {
  const serialised = serialiseValue(args[0]);
  const startTime = typeof serialised === 'string' ? serialised : readDateMarker(serialised);
  if (startTime === undefined) return invalid(gtag, "gtag('js') needs the start time as a Date.");

  return outcomeOf({ ...gtag, startTime });
}

function runUnknown(command: unknown, gtag: GtagCall): StepOutcome {
  const outcome = outcomeOf(gtag);
  if (typeof command !== 'string') {
    const message = 'An arguments object must start with a command name; this one changed nothing.';
    outcome.warnings.push(replayWarning('gtag_command_invalid', message));
    return outcome;
  }
  const message =
    `"${command}" is not a gtag command (js, config, event, set, consent, get); ` +
    'GTM ignores it.';
  outcome.warnings.push(replayWarning('gtag_command_unknown', message, { severity: 'info' }));
  return outcome;
}

function argumentValues(pushed: unknown): unknown[] {
  const marker = readTransportMarker(pushed);
  if (marker?.kind === 'arguments') return marker.values;
  return Array.from(pushed as ArrayLike<unknown>);
}

function readDateMarker(value: unknown): string | undefined {
  const marker = readTransportMarker(value);
  return marker?.kind === 'date' ? marker.text : undefined;
}

function serialiseObject(value: PlainObject): TransportObject {
  return serialiseValue(value) as TransportObject;
}

function invalid(gtag: GtagCall, message: string): StepOutcome {
  const outcome = outcomeOf(gtag);
  outcome.warnings.push(replayWarning('gtag_arguments_invalid', message));
  return outcome;
}

function outcomeOf(gtag: GtagCall): StepOutcome {
  return {
    kind: 'arguments',
    event: null,
    warnings: [],
    changedKeys: [],
    mayShareContainers: false,
    gtag,
  };
}
