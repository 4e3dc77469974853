import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCardNumbers } from '../../shared/pii/detect-card-number.js';
import { detectEmails } from '../../shared/pii/detect-email.js';
import { isHashedValue } from '../../shared/pii/detect-hash.js';
import { detectIbans } from '../../shared/pii/detect-iban.js';
import { detectIpAddresses, isVersionKey } from '../../shared/pii/detect-ip-address.js';
import { detectPhones, isPhoneShaped } from '../../shared/pii/detect-phone.js';
import { isMeaningfulValue } from '../../shared/pii/is-meaningful-value.js';
import {
  maskCardNumber,
  maskEmail,
  maskHash,
  maskIban,
  maskIpAddress,
  maskPhone,
  maskText,
} from '../../shared/pii/mask-excerpt.js';
import { isPersonalFieldName, isPhoneFieldName } from '../../shared/pii/personal-field-names.js';
import type { PiiFinding, PiiKind } from '../../shared/pii/pii-types.js';
import { scanForPii } from '../../shared/pii/scan-for-pii.js';
import { looksLikeUrl, scanUrlForPii } from '../../shared/pii/scan-url-for-pii.js';

// The scan reads each value's characters once and skips the detectors that cannot match.
// This is the scan without that shortcut: every detector runs on every value. Both must
// always agree, so a pre-check can never hide personal data.
function scanWithEveryDetector(value: string, key?: string): PiiFinding[] {
  if (value.length < 2) return [];
  const text = value.slice(0, 4096).trim();
  if (text.length >= 32 && text.length <= 64 && isHashedValue(text)) {
    return [{ kind: 'hashed', path: '', excerpt: maskHash(text), isHashed: true }];
  }
  if (looksLikeUrl(text)) return scanUrlForPii(text);

  const findings: PiiFinding[] = [];
  const seen: string[] = [];
  const report = (kind: PiiKind, matches: string[], mask: (match: string) => string) => {
    for (const match of matches) {
      if (findings.length >= 10 || seen.some((earlier) => earlier.includes(match))) continue;
      seen.push(match);
      findings.push({ kind, path: '', excerpt: mask(match), isHashed: false });
    }
  };
  report('email', detectEmails(text), maskEmail);
  report('iban', detectIbans(text), maskIban);
  report('card_number', detectCardNumbers(text), maskCardNumber);
  report('phone', detectPhones(text), maskPhone);
  if (!isVersionKey(key)) report('ip_address', detectIpAddresses(text), maskIpAddress);
  if (findings.length > 0 || key === undefined) return findings;

  if (isPhoneFieldName(key) && isPhoneShaped(text)) {
    return [{ kind: 'phone', path: '', excerpt: maskPhone(text), isHashed: false }];
  }
  if (isPersonalFieldName(key) && isMeaningfulValue(text)) {
    return [{ kind: 'personal_field', path: '', excerpt: maskText(text), isHashed: false }];
  }
  return [];
}

// Real values from the corpus and the bundled captures, with look-alikes at each threshold
// the pre-checks use (four and seven digits, thirteen-digit runs, three dots, two colons,
// 32 hex characters).
const values: Array<[string, string, string | undefined]> = [
  ['an event id (A27)', '1760044298197_17643404997032', 'event_id'],
  ['a Meta browser id (A27 fbp)', 'fb.1.1700000000000.1234567890123456789', 'fbp'],
  ['a location id (A6)', 'ChIJIQBpAG2ahYAR_6128GcTUEo', 'location_id'],
  ['an item id of twelve digits (A30)', '856556004180', 'item_id'],
  [
    'a CJK item category (A30)',
    '精華液>水飽飽維他命B5保濕精華 | B-Hydra™ Intensive Hydration Serum',
    undefined,
  ],
  [
    'a client-hints version list (A6 uafvl, decoded)',
    'Chromium;136.0.7103.114|Google%20Chrome;136.0.7103.114|Not.A%2FBrand;99.0.0.0',
    'uafvl',
  ],
  [
    'a file URL (A17)',
    'https://www.itm.edu.co/wp-content/uploads/formatos/logos2026.zip',
    'link_url',
  ],
  ['an email as user id', 'user@example.com', undefined],
  ['a spaced card number', '4111 1111 1111 1111', undefined],
  ['twelve grouped digits', '4111 1111 1111', undefined],
  ['a North American phone without a zero', '(212) 555-1234', undefined],
  ['nine grouped digits', '212 555 123', undefined],
  ['an international phone', '+32 471 23 45 67', undefined],
  ['a spaced IBAN', 'GB82 WEST 1234 5698 7654 32', undefined],
  ['an IPv4 address', '81.246.12.7', undefined],
  ['two dots and four digits', '81.246.12', undefined],
  ['a compressed IPv6 address', 'fe80::1ff:fe23:4567:890a', undefined],
  ['a digest with one digit, padded', ' abcdefabcdefabcdefabcdefabcdef1a\u00a0', 'sha256_email'],
  ['a phone of digits under a phone key', '471234567', 'mobile'],
  ['three digits under a phone key', '112', 'phone'],
  ['a name under a name key', 'Jane Doe', 'first_name'],
  ['three digits among letters', 'a1b2c3', undefined],
  ['four digits among letters', 'a1b2c3d4', undefined],
  ['an @ between words', 'x@y', undefined],
  ['a slash between words', 'a/b', undefined],
  ['32 hex characters with one digit', 'deadbeefdeadbeefdeadbeefdeadbee1', undefined],
  ['31 letters and a digit, one not hex', 'deadbeefdeadbeefdeadbeefdeadbeg1', undefined],
  ['a long title with one digit', 'Retained earnings per share for Q3 by region', 'page_title'],
  ['a placeholder under an email key', 'n/a', 'email'],
];

const fragment = fc.oneof(
  fc.constantFrom(
    '@',
    '.',
    '+',
    '-',
    ' ',
    '/',
    ':',
    '::',
    '(',
    ')',
    '0',
    '4111',
    '5555',
    '2221',
    '1749196701069',
    ',',
    '_',
    'fb.1.',
    '(0',
    '1.2.3.4',
    '192.168.',
    'example.com',
    'GB82',
    'WEST',
    'ff',
    '\u00a0',
    '水',
  ),
  fc.string({ maxLength: 4 }),
  fc.stringMatching(/^[0-9a-fA-F]{1,64}$/),
  fc.stringMatching(/^[a-f]{28,62}[0-9]{1,3}$/),
  fc.nat().map(String),
);
const lookAlike = fc.array(fragment, { maxLength: 10 }).map((parts) => parts.join(''));
const key = fc.option(
  fc.constantFrom('email', 'phone', 'customer_telephone', 'uafvl', 'first_name', 'item_name'),
  { nil: undefined },
);

describe('skipping the detectors a value cannot match', () => {
  it.each(values)('finds the same in %s as every detector does', (_case, value, name) => {
    expect(scanForPii(value, name === undefined ? {} : { key: name })).toEqual(
      scanWithEveryDetector(value, name),
    );
  });

  it('finds the same as every detector does in random look-alikes', () => {
    fc.assert(
      fc.property(fc.oneof(lookAlike, fc.string({ maxLength: 60 })), key, (value, name) => {
        expect(scanForPii(value, name === undefined ? {} : { key: name })).toEqual(
          scanWithEveryDetector(value, name),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
