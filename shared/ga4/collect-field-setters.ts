import { parseWireNumber } from '../text/parse-wire-number.js';
import { rememberLast } from '../text/remember-last.js';
import { addWarning } from './add-warning.js';
import { decodeFullVersionList } from './decode-full-version-list.js';
import type { EventDraft } from './event-draft.js';

/** Stores one decoded value in the event; `key` is its (decoded) wire key, for warnings. */
export type FieldSetter = (draft: EventDraft, value: string, key: string) => void;

export function setEventName(draft: EventDraft, value: string): void {
  draft.event.name = value === '' ? null : value;
}

/** `uid=` is sent empty when no user ID is set (protocol notes §3.2). */
export function setUserId(draft: EventDraft, value: string): void {
  if (value === '') {
    delete draft.event.ids.userId;
    return;
  }
  draft.event.ids.userId = value;
}

/**
 * `sct` and `_s`, each stored under its name written out: a store under a name passed in meets
 * both fields and every shape of `ids` in one place and goes through the engine's generic
 * keyed store, on every event.
 */
export function setSessionCount(draft: EventDraft, value: string, key: string): void {
  const number = readIdNumber(draft, value, key);
  if (number === undefined) {
    delete draft.event.ids.sessionCount;
    return;
  }
  draft.event.ids.sessionCount = number;
}

export function setHitSequence(draft: EventDraft, value: string, key: string): void {
  const number = readIdNumber(draft, value, key);
  if (number === undefined) {
    delete draft.event.ids.hitSequence;
    return;
  }
  draft.event.ids.hitSequence = number;
}

function readIdNumber(draft: EventDraft, value: string, key: string): number | undefined {
  const number = parseWireNumber(value);
  if (number === undefined) {
    addWarning(draft.event.warnings, 'not_a_number', `${key} is not a number`, key);
  }
  return number;
}

/**
 * Reads a session flag for its setter to store. `0` is off; `1`, `2` ("also a conversion",
 * for `_fv`/`_ss`, §3.2) and a bare key are on.
 */
export function readSessionFlag(draft: EventDraft, value: string, key: string): boolean {
  if (value !== '0' && value !== '1' && value !== '2' && value !== '') {
    const message = `${key} should be 0, 1 or 2`;
    addWarning(draft.event.warnings, 'unexpected_flag_value', message, key);
  }
  return value !== '0';
}

/**
 * `_et` is `engagement_time_msec` on the wire (§6). It goes to `session` only, not to
 * `params`: like `dl` or `sid` it describes the hit, not what the site sent with the event.
 * Real beacons carry `_et=NaN` (sample A8): that is kept out of the number and reported.
 */
export function setEngagementTime(draft: EventDraft, value: string, key: string): void {
  const session = draft.event.session;
  const number = parseWireNumber(value);
  if (number === undefined) {
    delete session.engagementTimeMs;
    addWarning(draft.event.warnings, 'not_a_number', '_et is not a number', key);
    return;
  }
  session.engagementTimeMs = number;
}

/**
 * The brand list each hit of a browser repeats, decoded once while it stays the same: with
 * the URL's decoding remembered too (apply-collect-text.ts), a repeated list costs one
 * comparison instead of about 0.4 µs of decoding on the bundled captures.
 */
const decodeRepeatedList = rememberLast(decodeFullVersionList);

/** Brand names inside `uafvl` are encoded twice; the list itself once (§2.1). */
export function setFullVersionList(draft: EventDraft, value: string, key: string): void {
  const decoded = decodeRepeatedList(value);
  draft.event.clientHints.fullVersionList = decoded.value;
  if (decoded.isMalformed) {
    const message = 'a brand in uafvl has an invalid escape';
    addWarning(draft.event.warnings, 'malformed_escape', message, key);
  }
}
