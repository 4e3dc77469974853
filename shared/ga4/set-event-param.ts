import type { QueryPair } from '../text/parse-query.js';
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
  pair: QueryPair,
  group: ParamGroup,
  nameStart: number,
  isNumeric: boolean,
): void {
  const name = pair.key.slice(nameStart);
  if (name === '') {
    const message = `${pair.key} has no parameter name after the prefix`;
    addWarning(draft.event.warnings, 'empty_parameter_name', message, pair.key);
    setEntry(draft.event.unknown, pair.key, pair.value);
    return;
  }

  const number = isNumeric ? parseWireNumber(pair.value) : undefined;
  if (isNumeric && number === undefined) {
    const message = `${pair.key} is sent as a number but holds text`;
    addWarning(draft.event.warnings, 'not_a_number', message, pair.key);
  }
  storeParam(draft, pair, group, name, number ?? pair.value);
}

/** Stores an event parameter that gtag sends under a short key, such as `cu` for `currency`. */
export function setLiftedParam(draft: EventDraft, pair: QueryPair, name: string): void {
  storeParam(draft, pair, 'params', name, pair.value);
}

function storeParam(
  draft: EventDraft,
  pair: QueryPair,
  group: ParamGroup,
  name: string,
  value: string | number,
): void {
  const wireKeys = draft.wireKeys[group];
  const previousKey = wireKeys[name];
  if (previousKey !== undefined && previousKey !== pair.key) {
    const message = `${name} arrived as both ${previousKey} and ${pair.key}; ${pair.key} won`;
    addWarning(draft.event.warnings, 'parameter_conflict', message, pair.key);
  }
  wireKeys[name] = pair.key;
  setEntry(draft.event[group], name, value);
}
