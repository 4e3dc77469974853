import type { DecodeWarning } from '../events/event-types.js';

/**
 * Every warning code the beacon decoders emit. A warning means "this input was odd, here is
 * what could still be read"; none of them stops decoding.
 */
export type DecodeWarningCode =
  /** A `%` escape was invalid or truncated; it was kept literally. */
  | 'malformed_escape'
  /** The same key came twice in one query string or body line; the last one won. */
  | 'duplicate_key'
  /** A numeric field (`epn.`, `upn.`, `_et`, `_s`, `sct`, item price …) held no number. */
  | 'not_a_number'
  /** The request carried no `en` (or an empty one), so the event has no name. */
  | 'missing_event_name'
  /** `ep.`/`epn.`/`up.`/`upn.` with nothing after the dot. */
  | 'empty_parameter_name'
  /** One parameter came under two keys (`ep.value` and `epn.value`, `cu` and `ep.currency`). */
  | 'parameter_conflict'
  /** A 0/1 flag (`seg`, `_fv`, `_ss`, `_nsi` …) held some other value. */
  | 'unexpected_flag_value'
  | 'gcs_malformed'
  | 'gcd_malformed'
  /** `gcd` holds an uppercase letter; its meaning is unknown (protocol notes §4). */
  | 'gcd_uppercase'
  | 'gcd_unknown_letter'
  /** `gcs` and `gcd` disagree about ad_storage or analytics_storage. */
  | 'consent_mismatch'
  /** An item token that cannot be read (`kvariant_name`, one letter); kept under `_unparsed`. */
  | 'item_malformed_token'
  /** An item token with a two-letter key this decoder does not know; kept under `_unparsed`. */
  | 'item_unknown_key'
  /** A custom item name `k<i>` without its value `v<i>`, or the reverse; kept under `_unparsed`. */
  | 'item_unpaired_custom'
  /** The same item key twice in one item, or a custom name that repeats a standard field. */
  | 'item_duplicate_key'
  /** A body or parameter that should hold JSON does not. */
  | 'invalid_json';

/** Appends one warning; `key` names the wire key or path it is about. */
export function addWarning(
  warnings: DecodeWarning[],
  code: DecodeWarningCode,
  message: string,
  key?: string,
): void {
  warnings.push(key === undefined ? { code, message } : { code, message, key });
}
