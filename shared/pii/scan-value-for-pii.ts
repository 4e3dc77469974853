import { isHashedValue } from './detect-hash.js';
import { isPhoneShaped } from './detect-phone.js';
import { isMeaningfulValue } from './is-meaningful-value.js';
import { keyTraits, type KeyTraits } from './key-traits.js';
import { maskHash, maskPhone, maskText } from './mask-excerpt.js';
import { noFindings } from './no-findings.js';
import type { PiiFinding } from './pii-types.js';
import { looksLikeUrl, scanUrlForPii } from './scan-url-for-pii.js';
import { scanTextForPii, type TextScanOptions } from './scan-text-for-pii.js';
import { readTextShape, type TextShape } from './text-shape.js';

// GA4 cuts values at 100 characters and URLs at 1,000; longer text is scanned in part so a
// hostile value cannot make the scan slow.
const maxScannedLength = 4096;

const versionScan: TextScanOptions = { skipIpAddresses: true };
const fullScan: TextScanOptions = {};

/**
 * `scanForPii` for callers that only read the result: a value with nothing to report returns
 * the shared empty `noFindings` instead of a new array. The key is the value's own name.
 */
export function scanValueForPii(value: string, key: string | undefined): readonly PiiFinding[] {
  if (typeof value !== 'string' || value.length < 2) return noFindings;
  const scanned = value.length > maxScannedLength ? value.slice(0, maxScannedLength) : value;
  const shape = readTextShape(scanned);
  if (isPlain(shape, scanned.length)) {
    const traits = keyTraits(key);
    return traits.isPersonal || traits.isPhone ? byKeyName(scanned.trim(), traits) : noFindings;
  }

  // Trimming removes whitespace only, which the shape does not count: it still holds.
  const text = scanned.trim();
  const mayBeDigest = shape.mayBeHex && text.length >= 32 && text.length <= 64;
  if (mayBeDigest && isHashedValue(text)) {
    return [{ kind: 'hashed', path: '', excerpt: maskHash(text), isHashed: true }];
  }
  if (shape.hasSlash && looksLikeUrl(text)) return scanUrlForPii(text);

  const traits = keyTraits(key);
  const findings = scanTextForPii(text, traits.isVersion ? versionScan : fullScan, shape);
  if (findings.length > 0 || (!traits.isPersonal && !traits.isPhone)) return findings;
  return byKeyName(text, traits);
}

/**
 * Whether no detector could match: no `@` (emails), no `/` (URLs), fewer than four digits
 * (IP addresses need four; phones, cards and IBANs seven), and nothing digest-like (a digest
 * is 32 or more hex characters with a digit). Most values (names, categories, short ids)
 * stop here.
 */
function isPlain(shape: TextShape, length: number): boolean {
  if (shape.hasAt || shape.hasSlash || shape.digits >= 4) return false;
  return shape.digits === 0 || length < 32 || !shape.mayBeHex;
}

function byKeyName(text: string, traits: KeyTraits): readonly PiiFinding[] {
  if (traits.isPhone && isPhoneShaped(text)) {
    return [{ kind: 'phone', path: '', excerpt: maskPhone(text), isHashed: false }];
  }
  if (traits.isPersonal && isMeaningfulValue(text)) {
    return [{ kind: 'personal_field', path: '', excerpt: maskText(text), isHashed: false }];
  }
  return noFindings;
}
