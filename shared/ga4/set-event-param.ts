import { parseWireNumber } from '../text/parse-wire-number.js';
import { setEntry } from '../text/set-entry.js';
import { addWarning } from './add-warning.js';
import type { EventDraft, ParamGroup } from './event-draft.js';

/**
 * Stores an `ep.`/`epn.`/`up.`/`upn.` value under its name. The prefix says what JavaScript
 * type the value had when gtag sent it (protocol notes §3.4): `epn.` values become numbers, unless
 * they are not numeric, in which case the text is kept and a warning says so.
 */
export function setTypedParam(
  draft: EventDraft,
  key: string,
  value: string,
  group: ParamGroup,
  nameStart: number,
  isNumeric: boolean,
): void {
  const name = key.slice(nameStart);
  if (name === '') {
    const message = `${key} has no parameter name after the prefix`;
    addWarning(draft.event.warnings, 'empty_parameter_name', message, key);
    setEntry(draft.event.unknown, key, value);
    return;
  }

  const number = isNumeric ? parseWireNumber(value) : undefined;
  if (isNumeric && number === undefined) {
    const message = `${key} is sent as a number but holds text`;
    addWarning(draft.event.warnings, 'not_a_number', message, key);
  }
  storeParam(draft, key, group, name, number ?? value);
}

/** Stores an event parameter that gtag sends under a short key, such as `cu` for `currency`. */
export function setLiftedParam(draft: EventDraft, key: string, value: string, name: string): void {
  storeParam(draft, key, 'params', name, value);
}

/** Names and keys alternate: eight stored parameters. */
const SHORT_LIST_LENGTH = 16;

function storeParam(
  draft: EventDraft,
  key: string,
  group: ParamGroup,
  name: string,
  value: string | number,
): void {
  const record = draft.event[group];
  const wireKeys = draft.wireKeys[group];
  // Only this function stores in the group, so a name it holds was stored here before, and
  // the list says under which key: no lookup table is built per event for the rare repeat.
  // A short list is searched outright, which is cheaper than asking the record about a freshly
  // cut name; a long one only when the record has the name, so that the search stays rare.
  const mayHoldName = wireKeys.length <= SHORT_LIST_LENGTH || Object.hasOwn(record, name);
  const previousKey = mayHoldName ? lastWireKey(wireKeys, name) : undefined;
  if (previousKey !== undefined && previousKey !== key) {
    const message = `${name} arrived as both ${previousKey} and ${key}; ${key} won`;
    addWarning(draft.event.warnings, 'parameter_conflict', message, key);
  }
  wireKeys.push(name, key);
  setEntry(record, name, value);
}

function lastWireKey(wireKeys: readonly string[], name: string): string | undefined {
  for (let index = wireKeys.length - 2; index >= 0; index -= 2) {
    if (wireKeys[index] === name) return wireKeys[index + 1];
  }
  return undefined;
}
