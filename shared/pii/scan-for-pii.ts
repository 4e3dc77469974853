import type { PiiFinding } from './pii-types.js';
import { scanValueForPii } from './scan-value-for-pii.js';

/** Where a value was found: its key sharpens the scan (`customer_phone`, `uafvl`). */
export interface PiiScanContext {
  key?: string;
}

/**
 * Suspected personal data in one string value: emails, phone numbers, card numbers (Luhn),
 * IBANs (mod 97), IP addresses, personal data in URL query strings, and values under
 * personal-sounding keys. A value that is entirely a hex digest (MD5/SHA-1/SHA-256) is
 * reported once as `hashed` instead. Excerpts are masked. The array is the caller's own.
 */
export function scanForPii(value: string, context: PiiScanContext = {}): PiiFinding[] {
  const findings = scanValueForPii(value, context.key);
  return findings.length === 0 ? [] : (findings as PiiFinding[]);
}
