import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findPiiInEvent } from '../../shared/pii/find-pii-in-event.js';
import { scanForPii } from '../../shared/pii/scan-for-pii.js';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

// Fragments real values are made of, so random strings often look like emails, phones,
// versions, URLs and digests.
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
    '?',
    '&',
    '=',
    '%40',
    '#',
    '0',
    '00',
    '4111',
    '255',
    '192.168.',
    'example.com',
    'email=',
    'name=',
    'https://',
    'GB82',
    'WEST',
    'ff',
  ),
  fc.string({ maxLength: 4 }),
  fc.stringMatching(/^[0-9a-f]{1,64}$/),
  fc.nat().map(String),
);
const lookAlike = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

describe('scanning random values for personal data', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  it('never throws and never returns the whole value as an excerpt', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          lookAlike,
          fc.string({ maxLength: 300 }),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
        ),
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        (value, key) => {
          const findings = scanForPii(value, key === undefined ? {} : { key });
          for (const finding of findings) {
            expect(finding.path).toBe('');
            if (!finding.isHashed && value.trim().length > 4)
              expect(finding.excerpt).not.toBe(value.trim());
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('walks any JSON with __proto__ keys without throwing', () => {
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'email', 'phone', 'items'),
      fc.string({ maxLength: 5 }),
    );
    const json = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        lookAlike,
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(
        fc.dictionary(key, json, { maxKeys: 5 }),
        fc.dictionary(fc.constantFrom('page_location', '__proto__'), lookAlike),
        (properties, urls) => {
          const text = JSON.stringify(properties);
          const findings = findPiiInEvent({
            properties: JSON.parse(text) as Record<string, unknown>,
            urls,
          });
          for (const finding of findings)
            expect(finding.path === '' || finding.path.startsWith('/')).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finishes quickly on long hostile input', () => {
    const hostile = [
      '@'.repeat(4000),
      '0 '.repeat(4000),
      '1.'.repeat(4000),
      'a@'.repeat(3000) + 'b',
      '+1'.repeat(3000),
      ':'.repeat(5000),
      `${'a'.repeat(64)}@${'b-'.repeat(2000)}`,
    ];
    for (const value of hostile) expect(Array.isArray(scanForPii(value))).toBe(true);
  });
});
