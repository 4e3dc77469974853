import { isHashedValue } from './detect-hash.js';
import { isPhoneShaped } from './detect-phone.js';
import { isMeaningfulValue } from './is-meaningful-value.js';
import { keyTraits, type KeyTraits } from './key-traits.js';
import { maskHash, maskPhone, maskText } from './mask-excerpt.js';
import type { PiiFinding } from './pii-types.js';
import { looksLikeUrl, scanUrlForPii } from './scan-url-for-pii.js';
import { scanTextForPii } from './scan-text-for-pii.js';

/** Where a value was found: its key sharpens the scan (`customer_phone`, `uafvl`). */
export interface PiiScanContext {
  key?: string;
}

// GA4 cuts values at 100 characters and URLs at 1,000; longer text is scanned in part so a
// hostile value cannot make the scan slow.
const maxScannedLength = 4096;

/**
 * Suspected personal data in one string value: emails, phone numbers, card numbers (Luhn),
 * IBANs (mod 97), IP addresses, personal data in URL query strings, and values under
 * personal-sounding keys. A value that is entirely a hex digest (MD5/SHA-1/SHA-256) is
 * reported once as `hashed` instead. Excerpts are masked.
 */
export function scanForPii(value: string, context: PiiScanContext = {}): PiiFinding[] {
  if (typeof value !== 'string' || value.length < 2) return [];
  const text = (value.length > maxScannedLength ? value.slice(0, maxScannedLength) : value).trim();
  if (text.length >= 32 && text.length <= 64 && isHashedValue(text)) {
    return [{ kind: 'hashed', path: '', excerpt: maskHash(text), isHashed: true }];
  }
  if (looksLikeUrl(text)) return scanUrlForPii(text);

  const traits = keyTraits(context.key);
  const findings = scanTextForPii(text, { skipIpAddresses: traits.isVersion });
  if (findings.length > 0 || (!traits.isPersonal && !traits.isPhone)) return findings;
  return byKeyName(text, traits);
}

function byKeyName(text: string, traits: KeyTraits): PiiFinding[] {
  if (traits.isPhone && isPhoneShaped(text)) {
    return [{ kind: 'phone', path: '', excerpt: maskPhone(text), isHashed: false }];
  }
  if (traits.isPersonal && isMeaningfulValue(text)) {
    return [{ kind: 'personal_field', path: '', excerpt: maskText(text), isHashed: false }];
  }
  return [];
}
