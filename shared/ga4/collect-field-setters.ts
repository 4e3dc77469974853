import type { QueryPair } from '../text/parse-query.js';
import { parseWireNumber } from '../text/parse-wire-number.js';
import { addWarning } from './add-warning.js';
import { decodeFullVersionList } from './decode-full-version-list.js';
import type { EventDraft } from './event-draft.js';

/** Stores one decoded pair in the event. */
export type FieldSetter = (draft: EventDraft, pair: QueryPair) => void;

export function setEventName(draft: EventDraft, pair: QueryPair): void {
  draft.event.name = pair.value === '' ? null : pair.value;
}

/** `uid=` is sent empty when no user ID is set (protocol notes §3.2). */
export function setUserId(draft: EventDraft, pair: QueryPair): void {
  if (pair.value === '') {
    delete draft.event.ids.userId;
    return;
  }
  draft.event.ids.userId = pair.value;
}

export function setIdNumber(
  draft: EventDraft,
  pair: QueryPair,
  field: 'sessionCount' | 'hitSequence',
): void {
  const number = parseWireNumber(pair.value);
  if (number === undefined) {
    delete draft.event.ids[field];
    addWarning(draft.event.warnings, 'not_a_number', `${pair.key} is not a number`, pair.key);
    return;
  }
  draft.event.ids[field] = number;
}

/** `0` is off; `1`, `2` ("also a conversion", for `_fv`/`_ss`, §3.2) and a bare key are on. */
export function setSessionFlag(
  draft: EventDraft,
  pair: QueryPair,
  field: 'engaged' | 'firstVisit' | 'sessionStart' | 'newSessionId',
): void {
  const value = pair.value;
  draft.event.session[field] = value !== '0';
  if (value !== '0' && value !== '1' && value !== '2' && value !== '') {
    const message = `${pair.key} should be 0, 1 or 2`;
    addWarning(draft.event.warnings, 'unexpected_flag_value', message, pair.key);
  }
}

/**
 * `_et` is `engagement_time_msec` on the wire (§6). It goes to `session` only, not to
 * `params`: like `dl` or `sid` it describes the hit, not what the site sent with the event.
 * Real beacons carry `_et=NaN` (sample A8): that is kept out of the number and reported.
 */
export function setEngagementTime(draft: EventDraft, pair: QueryPair): void {
  const session = draft.event.session;
  const number = parseWireNumber(pair.value);
  if (number === undefined) {
    delete session.engagementTimeMs;
    addWarning(draft.event.warnings, 'not_a_number', '_et is not a number', pair.key);
    return;
  }
  session.engagementTimeMs = number;
}

/** Brand names inside `uafvl` are encoded twice; the list itself once (§2.1). */
export function setFullVersionList(draft: EventDraft, pair: QueryPair): void {
  const decoded = decodeFullVersionList(pair.value);
  draft.event.clientHints.fullVersionList = decoded.value;
  if (decoded.isMalformed) {
    const message = 'a brand in uafvl has an invalid escape';
    addWarning(draft.event.warnings, 'malformed_escape', message, pair.key);
  }
}
