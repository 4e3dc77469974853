import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { PlanLoadResult } from '../../shared/plan/plan-types.js';
import { createPlanValidator } from '../../shared/validate/create-plan-validator.js';
import type { EventUnderTest } from '../../shared/validate/event-under-test.js';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeClean(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
}

function expectWellFormed(result: PlanLoadResult, fileName: string): void {
  const issues = result.ok ? result.warnings : result.errors;
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.file).toBe(fileName);
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.column).toBeGreaterThanOrEqual(1);
    expect(typeof issue.message).toBe('string');
    expect(typeof issue.hint).toBe('string');
  }
}

const fileName = fc.constantFrom('plan.yaml', 'plan.yml', 'plan.json', 'plan');
const dangerousKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted');
const planKey = fc.constantFrom(
  'events',
  'globals',
  'layers',
  '$defs',
  'properties',
  'required',
  'type',
  'items',
  '$ref',
  'pattern',
  'rules',
  'name',
);
const anyKey = fc.oneof(dangerousKey, planKey, fc.string({ maxLength: 8 }));
const keyword = fc.constantFrom(
  'type',
  'enum',
  'const',
  'pattern',
  'minimum',
  'maxLength',
  'items',
  'required',
  'additionalProperties',
  'anyOf',
  '$ref',
  'format',
  'not',
  'dependentRequired',
  '__proto__',
  'minItems',
  'oneOf',
  'properties',
);
const keywordValue = fc.oneof(
  fc.constantFrom(
    'string',
    'number',
    'integer',
    'object',
    'array',
    'strnig',
    '^[A-Z]{3}$',
    '(',
    '#/$defs/item',
    '#/nowhere',
    'email',
    'sku',
    true,
    false,
    null,
    0,
    -1,
    3.5,
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

// JSON text built by hand, so `__proto__` appears as a real key in the text.
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value)),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(anyKey, tie('value')), { maxLength: 5 })
      .map(
        (entries) =>
          `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`,
      ),
  ),
})).value;

const schemaArbitrary = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small' },
    fc.boolean(),
    fc.dictionary(keyword, keywordValue, { maxKeys: 4 }),
    fc.record({
      type: fc.constant('object'),
      properties: fc.dictionary(anyKey, tie('schema'), { maxKeys: 3 }),
    }),
    fc.record({ type: fc.constant('array'), items: tie('schema') }),
  ),
})).schema;

const tagwardenPlan = fc.record({
  name: fc.string({ maxLength: 10 }),
  globals: fc.dictionary(
    fc.constantFrom('naming', 'pii', 'severity', 'ga4Limits', 'nonsense'),
    keywordValue,
    { maxKeys: 3 },
  ),
  $defs: fc.dictionary(fc.constantFrom('item', 'currency', '__proto__'), schemaArbitrary, {
    maxKeys: 2,
  }),
  events: fc.dictionary(
    fc.oneof(dangerousKey, fc.constantFrom('purchase', 'page_view', 'add_to_cart')),
    fc.record(
      {
        properties: fc.dictionary(anyKey, schemaArbitrary, { maxKeys: 4 }),
        required: fc.array(anyKey, { maxLength: 2 }),
        uniqueBy: fc.array(anyKey, { maxLength: 1 }),
      },
      { requiredKeys: [] },
    ),
    { maxKeys: 3 },
  ),
});

const eventUnderTest: fc.Arbitrary<EventUnderTest> = fc.record({
  name: fc.oneof(
    fc.constant(null),
    fc.constantFrom('purchase', 'page_view', 'add_to_cart', 'constructor', '__proto__'),
  ),
  layer: fc.constantFrom('datalayer', 'ga4', 'warehouse', 'other'),
  properties: fc.dictionary(anyKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }) as fc.Arbitrary<
    Record<string, unknown>
  >,
});

describe('loading random plan texts', () => {
  afterEach(expectPrototypeClean);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fileName, (text, file) => {
        expectWellFormed(loadPlan(text, file), file);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on JSON-ish text with __proto__, constructor and prototype keys', () => {
    fc.assert(
      fc.property(jsonText, fileName, (text, file) => {
        expectWellFormed(loadPlan(text, file), file);
        expectWellFormed(loadPlan(stringify(JSON.parse(text)), 'plan.yaml'), 'plan.yaml');
        expectPrototypeClean();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on plan-shaped documents, and the plans they yield validate random events without throwing', () => {
    fc.assert(
      fc.property(tagwardenPlan, fc.array(eventUnderTest, { maxLength: 4 }), (document, events) => {
        const text = JSON.stringify(document);
        const result = loadPlan(text, 'plan.json');
        expectWellFormed(result, 'plan.json');
        if (!result.ok) return;
        const verdicts = createPlanValidator(result.plan).validateAll(events);
        expect(verdicts).toHaveLength(events.length);
        expectPrototypeClean();
      }),
      { numRuns: 300 },
    );
  });
});
