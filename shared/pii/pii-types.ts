/** Kinds of personal data the scan recognises. */
export type PiiKind =
  | 'email'
  | 'phone'
  | 'card_number'
  | 'iban'
  | 'ip_address'
  | 'url_parameter'
  | 'personal_field'
  | 'hashed';

/**
 * One suspected piece of personal data. `excerpt` is always masked (`u***@example.com`): the
 * full value is never repeated. `isHashed` marks values that look like SHA-256/SHA-1/MD5
 * digests, which are reported for information, not as personal data.
 */
export interface PiiFinding {
  kind: PiiKind;
  /** JSON Pointer of the value; `''` when a bare string was scanned. */
  path: string;
  excerpt: string;
  isHashed: boolean;
}
