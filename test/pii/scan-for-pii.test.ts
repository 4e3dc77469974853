import { describe, expect, it } from 'vitest';
import type { PiiKind } from '../../shared/pii/pii-types.js';
import { scanForPii } from '../../shared/pii/scan-for-pii.js';

// Positives: value, the key it sits under (if any), the kind and the masked excerpt.
const positives: Array<[string, string, string | undefined, PiiKind, string]> = [
  ['an email (D6 customer_email)', 'test@example.com', undefined, 'email', 't***@example.com'],
  [
    'an email inside text',
    'Contact: jane.doe+shop@mail.example.co.uk, thanks',
    undefined,
    'email',
    'j***@mail.example.co.uk',
  ],
  [
    'an international phone (D6 customer_telephone)',
    '+32000000000',
    undefined,
    'phone',
    '+32*******00',
  ],
  ['an international phone with groups', '+44 20 7946 0958', undefined, 'phone', '+44********58'],
  ['a North American phone with a +1', '+1 (555) 010-0199', undefined, 'phone', '+15*******99'],
  ['a North American phone', '(555) 010-0199', undefined, 'phone', '55******99'],
  ['a Belgian mobile', '0471 23 45 67', undefined, 'phone', '04******67'],
  ['a French number in pairs', '06 12 34 56 78', undefined, 'phone', '06******78'],
  ['a French number with dots', '06.12.34.56.78', undefined, 'phone', '06******78'],
  ['a London number', '020 7946 0958', undefined, 'phone', '02*******58'],
  ['a German number with a slash', '030/12345678', undefined, 'phone', '03*******78'],
  ['D4 phone in pairs', '00 00 00 00', undefined, 'phone', '00****00'],
  ['a bare number under a phone key', '0471234567', 'phone', 'phone', '04******67'],
  ['a Visa test number', '4111 1111 1111 1111', undefined, 'card_number', '************1111'],
  [
    'a Mastercard number, dashed',
    '5555-5555-5555-4444',
    undefined,
    'card_number',
    '************4444',
  ],
  ['an Amex number', '378282246310005', undefined, 'card_number', '***********0005'],
  [
    'a British IBAN, spaced',
    'GB82 WEST 1234 5698 7654 32',
    undefined,
    'iban',
    'GB****************5432',
  ],
  ['a German IBAN', 'DE89370400440532013000', undefined, 'iban', 'DE****************3000'],
  ['a Belgian IBAN', 'BE68539007547034', undefined, 'iban', 'BE**********7034'],
  ['a home IPv4 address', '192.168.1.23', undefined, 'ip_address', '192.168.*.*'],
  ['a public IPv4 address in text', 'client ip=81.246.12.7', undefined, 'ip_address', '81.246.*.*'],
  ['an IPv6 address', '2001:db8:85a3::8a2e:370:7334', undefined, 'ip_address', '2001:****'],
  ['a name under a name key', 'Jane Doe', 'first_name', 'personal_field', 'J***'],
  [
    'an address under user_data (enhanced conversions)',
    'Rue de la Loi 16',
    'user_data.address.0.street',
    'personal_field',
    'R***',
  ],
  [
    'an email in a query string',
    'https://www.example.com/?email=jane%40example.com&utm_source=x',
    undefined,
    'email',
    'email=j***@example.com',
  ],
  [
    'a name in a query string',
    'https://www.example.com/thanks?name=Jane',
    undefined,
    'url_parameter',
    'name=J***',
  ],
  [
    'first_name in a query string',
    'https://www.example.com/checkout?first_name=Jane',
    undefined,
    'url_parameter',
    'first_name=J***',
  ],
  [
    'an address in a query string',
    '/order?step=2&billing_address=Rue+de+la+Loi+16',
    undefined,
    'url_parameter',
    'billing_address=R***',
  ],
  [
    'a phone in any query parameter',
    'https://shop.example/?ref=%2B32470000000',
    undefined,
    'phone',
    'ref=+32*******00',
  ],
  [
    'an email in a hash route',
    'https://app.example/#/signup?user=jane%40example.com',
    undefined,
    'email',
    'user=j***@example.com',
  ],
  [
    'an email in a URL path',
    'https://www.example.com/users/jane@example.com/orders',
    undefined,
    'email',
    'j***@example.com',
  ],
  [
    'a SHA-256 digest',
    '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8',
    undefined,
    'hashed',
    '5e8848…(64 hex)',
  ],
  ['an MD5 digest', 'd41d8cd98f00b204e9800998ecf8427e', undefined, 'hashed', 'd41d8c…(32 hex)'],
  [
    'a digest in a query string',
    'https://www.example.com/?em=5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8',
    undefined,
    'hashed',
    'em=5e8848…(64 hex)',
  ],
];

// Look-alikes that are not personal data, most of them straight from the corpus.
const negatives: Array<[string, string, string?]> = [
  ['a client-hints version (A6 uafvl)', '136.0.7103.114'],
  ['a frozen brand version', '99.0.0.0'],
  [
    'a whole uafvl value',
    'Chromium;136.0.7103.114|Google%20Chrome;136.0.7103.114|Not.A%2FBrand;99.0.0.0',
  ],
  ['a user agent', 'Mozilla/5.0 (Macintosh) AppleWebKit/537.36 Chrome/120.0.0.0 Safari/537.36'],
  ['a four-part version under a version key', '1.2.3.4', 'app_version'],
  ['a loopback address', '127.0.0.1'],
  ['a GA client id', '111111105.1700000005'],
  ['a millisecond timestamp (A6 _p)', '1749196701069'],
  ['an ISO timestamp', '2025-11-10T07:21:33.896Z'],
  ['a European date', '01-02-2024'],
  ['a slashed date', '12/04/2024'],
  ['a price', '99.8'],
  ['a price with cents', '49.90'],
  ['a large price', '1,299.00'],
  ['a transaction id', 'T_12345'],
  ['a SKU', 'SKU_12345'],
  ['a numeric product id (A30)', '856556004180'],
  ['an experiment list (A6 tag_exp)', '101509157~103116026~103200004~103233427'],
  ['an event id (A27)', '1760044298197_17643404997032'],
  ['a Meta browser id (A27 fbp)', 'fb.1.1700000000000.1234567890123456789'],
  ['a screen size', '1728x1117'],
  ['a timezone offset', '+0200'],
  ['a clock time', '12:30:45'],
  ['a MAC-like id', '00:1A:2B:3C:4D:5E'],
  ['a C++ name', 'std::vector'],
  ['a retina asset', 'logo@2x.png'],
  ['a 16-digit number that fails Luhn', '4111 1111 1111 1112'],
  ['an IBAN with a wrong check', 'GB82 WEST 1234 5698 7654 33'],
  [
    'a campaign URL (A6 dl)',
    'https://sesamy.bestbytes.com/?utm_source=google&utm_medium=demandgen&utm_campaign=demandgenprodukte&utm_id=22133718417&utm_content=&utm_term=&gad_source=1&gad_campaignid=22133718417&gclid=TEST-GCLID-0000&gtm_debug=1747981544829',
  ],
  ['a file URL (A17)', 'https://www.itm.edu.co/wp-content/uploads/formatos/logos2026.zip'],
  ['an empty email parameter', 'https://www.example.com/?email=&name='],
  ['a flag under an email key', 'true', 'has_email'],
  ['an item name (A28)', "Google Grey Women's Tee"],
  ['a hex id that is all digits', '12345678901234567890123456789012'],
  ['a location id (A6)', 'ChIJIQBpAG2ahYAR_6128GcTUEo'],
];

describe('scanning one value for personal data', () => {
  it.each(positives)('finds %s', (_case, value, key, kind, excerpt) => {
    const findings = scanForPii(value, key === undefined ? {} : { key });

    expect(findings).toEqual([{ kind, path: '', excerpt, isHashed: kind === 'hashed' }]);
  });

  it.each(negatives)('leaves alone %s', (_case, value, key) => {
    expect(scanForPii(value, key === undefined ? {} : { key })).toEqual([]);
  });

  it('never repeats the value it found', () => {
    for (const [, value, key] of positives) {
      for (const finding of scanForPii(value, key === undefined ? {} : { key })) {
        if (finding.kind !== 'hashed') expect(finding.excerpt).not.toContain(value);
      }
    }
  });

  it('reports each of several values in one text once', () => {
    const findings = scanForPii('Jane <jane@example.com>, +32 470 00 00 00, BE68 5390 0754 7034');

    expect(findings.map((finding) => finding.kind)).toEqual(['email', 'iban', 'phone']);
  });
});
