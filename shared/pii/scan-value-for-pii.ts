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
  if (typeof value !== 'string') return noFindings;
  return scanPlainValue(value, key) ?? scanWithDetectors(value, key);
}

/**
 * `scanValueForPii` for a value no detector could match (most values), or undefined when the
 * detectors must read it: a caller can then remember those costlier scans.
 */
export function scanPlainValue(
  value: string,
  key: string | undefined,
): readonly PiiFinding[] | undefined {
  if (value.length < 2) return noFindings;
  if (value.length <= maxScannedLength && isPlainText(value)) return byKeyNameOnly(value, key);
  return undefined;
}

/** `scanValueForPii` for a value `scanPlainValue` left to the detectors. */
export function scanWithDetectors(value: string, key: string | undefined): readonly PiiFinding[] {
  const scanned = value.length > maxScannedLength ? value.slice(0, maxScannedLength) : value;
  // Trimming removes whitespace only, which the shape does not count: it still holds.
  const text = scanned.trim();
  // A `/` rules out a digest, so a URL needs no shape: the URL scan reads its parts itself.
  if (scanned.includes('/') && looksLikeUrl(text)) return scanUrlForPii(text);
  const shape = readTextShape(scanned);
  if (isPlain(shape, scanned.length)) return byKeyNameOnly(scanned, key);

  const mayBeDigest = shape.mayBeHex && text.length >= 32 && text.length <= 64;
  if (mayBeDigest && isHashedValue(text)) {
    return [{ kind: 'hashed', path: '', excerpt: maskHash(text), isHashed: true }];
  }

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

/**
 * `isPlain(readTextShape(text), text.length)` without building the shape, and stopping at the
 * first character that rules it out. Most values are names, categories and short ids: one
 * comparison per letter (every letter sits above `@`, the highest character that matters),
 * where reading the whole shape makes six. Reading it for every value was about a tenth of
 * the time spent validating the bundled captures.
 */
function isPlainText(text: string): boolean {
  let digits = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 64) continue;
    if (code >= 48 && code <= 57) {
      digits++;
      if (digits >= 4) return false;
    } else if (code === 47 || code === 64) {
      return false;
    }
  }
  return digits === 0 || text.length < 32 || !readTextShape(text).mayBeHex;
}

function byKeyNameOnly(text: string, key: string | undefined): readonly PiiFinding[] {
  const traits = keyTraits(key);
  return traits.isPersonal || traits.isPhone ? byKeyName(text.trim(), traits) : noFindings;
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
