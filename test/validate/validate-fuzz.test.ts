import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/events/event-types.js';
import type { EventUnderTest } from '../../shared/validate/event-under-test.js';
import { a28Purchase, d6PurchasePush } from './corpus-events.js';
import { bundledValidator, shopPlan, validatorFor } from './plans.js';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function cyclic(): Record<string, unknown> {
  const node: Record<string, unknown> = { item_id: 'SKU_12345' };
  node['self'] = node;
  return node;
}

const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    () => 'callback',
    Symbol('gtm'),
    10n,
    new Date(0),
    new Date(Number.NaN),
    NaN,
    -Infinity,
    '\uD800',
    'x'.repeat(5000),
  ),
  fc.constant(null).map(() => cyclic()),
  fc
    .constant(null)
    .map(() => JSON.parse('{"__proto__": {"polluted": true}, "item_id": "SKU_12345"}')),
  fc.constant(null).map(() => ({ ['\uDC00lone']: 1 })),
);
const key = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'items',
    'currency',
    'value',
    'email',
    'ecommerce',
    'page_location',
    '\uD83D',
  ),
  fc.string({ maxLength: 6 }),
);
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    oddValue,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const event: fc.Arbitrary<EventUnderTest> = fc.record(
  {
    name: fc.oneof(
      fc.constantFrom<unknown>(
        null,
        'purchase',
        'page_view',
        'add_to_cart',
        'constructor',
        '__proto__',
        42,
      ),
      fc.string({ maxLength: 50 }),
    ) as fc.Arbitrary<string | null>,
    layer: fc.constantFrom('datalayer', 'ga4', 'warehouse', 'other', 'bogus') as fc.Arbitrary<
      EventUnderTest['layer']
    >,
    properties: fc.oneof(
      fc.dictionary(key, value, { maxKeys: 8 }),
      fc.constantFrom<unknown>(null, 'text', [1, 2]),
      fc.constant(null).map(() => ({ ...a28Purchase })),
      fc.constant(null).map(() => ({ ...d6PurchasePush })),
    ) as fc.Arbitrary<Record<string, unknown>>,
    userProperties: fc.dictionary(key, value, { maxKeys: 3 }) as fc.Arbitrary<
      Record<string, unknown>
    >,
    userId: fc.oneof(fc.string(), fc.constant('user@example.com')),
    urls: fc.dictionary(
      fc.constantFrom('page_location', 'page_referrer', '__proto__'),
      fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
    ) as fc.Arbitrary<Record<string, string>>,
    dedupeKey: fc.constantFrom('a', 'b'),
  },
  { requiredKeys: ['name', 'layer', 'properties'] },
);

function expectVerdict(verdict: Verdict | undefined): void {
  expect(['valid', 'invalid', 'unplanned']).toContain(verdict?.status);
  expect(['datalayer', 'ga4', 'warehouse', 'other']).toContain(verdict?.layer);
  for (const violation of verdict?.violations ?? []) {
    expect(typeof violation.message).toBe('string');
    expect(violation.path === '' || violation.path.startsWith('/')).toBe(true);
    expect(['error', 'warning', 'info']).toContain(violation.severity);
  }
  expect(() => JSON.stringify(verdict)).not.toThrow();
}

describe('validating random and hostile events', () => {
  const validators = [bundledValidator(), validatorFor(shopPlan)];

  afterEach(() => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  it('never throws and always returns a well-formed verdict', () => {
    fc.assert(
      fc.property(event, (candidate) => {
        for (const validator of validators) expectVerdict(validator.validate(candidate));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on whole batches, including junk entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(event, fc.constantFrom<unknown>(null, 7, 'purchase')), { maxLength: 6 }),
        (batch) => {
          const verdicts = validators[0]?.validateAll(batch as EventUnderTest[]);
          expect(verdicts).toHaveLength(batch.length);
          verdicts?.forEach(expectVerdict);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never echoes a full email address in a violation', () => {
    const verdict = validators[0]?.validate({
      name: 'purchase',
      layer: 'ga4',
      properties: { ...a28Purchase, customer_type: 'user@example.com', note: 'user@example.com' },
      userId: 'user@example.com',
    });

    expect(JSON.stringify(verdict)).not.toContain('user@example.com');
    expect(verdict?.violations.map((violation) => violation.path)).toEqual([
      '/customer_type',
      '/customer_type',
      '/note',
      '/user_id',
    ]);
  });
});
