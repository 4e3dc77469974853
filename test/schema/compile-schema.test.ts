import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../shared/schema/compile-schema.js';
import type { SchemaIssue } from '../../shared/schema/schema-issue.js';

const itemSchema = {
  type: 'object',
  anyOf: [{ required: ['item_id'] }, { required: ['item_name'] }],
  properties: {
    item_id: { type: 'string' },
    price: { type: 'number' },
    quantity: { type: 'integer', minimum: 1 },
  },
};
const purchaseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['transaction_id', 'items'],
  dependentRequired: { value: ['currency'] },
  properties: {
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    value: { type: 'number', minimum: 0 },
    transaction_id: { type: 'string', minLength: 1 },
    items: { type: 'array', minItems: 1, items: { $ref: '#/$defs/item' } },
  },
  $defs: { item: itemSchema },
};

function issuesOf(schema: unknown, value: unknown): SchemaIssue[] {
  const compiled = compileSchema(schema);
  if (!compiled) throw new Error('schema should compile');
  const issues: SchemaIssue[] = [];
  if (!compiled.test(value)) compiled.collect(value, '', issues);
  return issues;
}

describe('compiling JSON Schema into closures', () => {
  it.each([
    [
      'a complete purchase',
      {
        transaction_id: 'T_12345',
        currency: 'USD',
        value: 72.05,
        items: [{ item_id: 'SKU_12345', price: 10.01, quantity: 3 }],
      },
      [],
    ],
    [
      'a purchase without transaction_id',
      { items: [{ item_id: 'A' }] },
      [['required', '/transaction_id']],
    ],
    [
      'value without currency',
      { transaction_id: 'T', value: 1, items: [{ item_id: 'A' }] },
      [['dependentRequired', '/currency']],
    ],
    [
      'a currency that is not ISO 4217',
      { transaction_id: 'T', currency: 'Rs', value: 4999, items: [{ item_id: 'A' }] },
      [['pattern', '/currency']],
    ],
    [
      'a value sent as a string',
      { transaction_id: 'T', currency: 'EUR', value: '99.8', items: [{ item_id: 'A' }] },
      [['type', '/value']],
    ],
    [
      'an item with neither id nor name',
      { transaction_id: 'T', items: [{ price: 1 }] },
      [['required', '/items/0']],
    ],
    [
      'a fractional quantity deep in an item',
      { transaction_id: 'T', items: [{ item_id: 'A' }, { item_id: 'B', quantity: 1.5 }] },
      [['type', '/items/1/quantity']],
    ],
    ['an empty items list', { transaction_id: 'T', items: [] }, [['minItems', '/items']]],
  ])('%s', (_label, value, expected) => {
    const issues = issuesOf(purchaseSchema, value);
    expect(issues.map((issue) => [issue.keyword, issue.path])).toEqual(expected);
  });

  it('names every missing field when an item needs one of several', () => {
    const [issue] = issuesOf(purchaseSchema, { transaction_id: 'T', items: [{}] });
    expect(issue?.message).toBe('needs at least one of "item_id", "item_name"');
  });

  it('reports an unplanned property when additionalProperties is false', () => {
    const issues = issuesOf(
      { type: 'object', properties: { a: {} }, additionalProperties: false },
      { a: 1, 'b/c': 2 },
    );
    expect(issues).toEqual([
      {
        keyword: 'additionalProperties',
        path: '/b~1c',
        message: '"b/c" is not a planned property',
        actual: 2,
      },
    ]);
  });

  it('counts characters as code points, so an emoji is one character', () => {
    expect(issuesOf({ type: 'string', maxLength: 1 }, '😀')).toEqual([]);
    expect(issuesOf({ type: 'string', maxLength: 1 }, 'ab')).toHaveLength(1);
  });

  it('follows recursive references', () => {
    const tree = { type: 'object', properties: { child: { $ref: '#' }, name: { type: 'string' } } };
    expect(issuesOf(tree, { child: { child: { name: 3 } } }).map((issue) => issue.path)).toEqual([
      '/child/child/name',
    ]);
  });

  it.each([
    ['format', { type: 'string', format: 'email' }],
    ['unevaluatedProperties', { unevaluatedProperties: false }],
    ['a remote reference', { $ref: 'https://example.test/schema.json' }],
    ['a dangling local reference', { $ref: '#/$defs/missing' }],
    ['an invalid pattern', { pattern: '(' }],
  ])('leaves a schema with %s to the interpreter', (_label, schema) => {
    expect(compileSchema(schema)).toBeUndefined();
  });

  it('agrees with the @cfworker/json-schema interpreter on random schemas and values', () => {
    fc.assert(
      fc.property(schemaArbitrary, valueArbitrary, (schema, value) => {
        const compiled = compileSchema(schema);
        if (!compiled) return;
        const interpreter = new Validator(schema as object, '2020-12', false);
        const isValid = compiled.test(value);
        expect(isValid).toBe(interpreter.validate(value).valid);
        const issues: SchemaIssue[] = [];
        if (!isValid) compiled.collect(value, '', issues);
        expect(issues.length > 0).toBe(!isValid);
      }),
      { numRuns: 2000 },
    );
  });
});

const names = fc.constantFrom('a', 'b', 'value', 'items', 'currency');
const valueArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, -1, 1.5, 2, 100, '', 'USD', 'Rs', 'abc', '😀'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(names, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const leafSchema = fc.oneof(
  fc.constantFrom(true, false, {}),
  fc.record({
    type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'array', 'object', [
      'string',
      'null',
    ]),
  }),
  fc.record({
    enum: fc.array(fc.constantFrom(1, 'USD', null, true, 'abc'), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ const: fc.constantFrom(1, 'USD', null, [1], { a: 1 }) }),
  fc.record({ pattern: fc.constantFrom('^[A-Z]{3}$', 'b', '^$') }),
  fc.record({ minLength: fc.nat(3) }, { requiredKeys: [] }),
  fc.record({ maxLength: fc.nat(3) }),
  fc.record({ minimum: fc.integer({ min: -1, max: 2 }) }),
  fc.record({ exclusiveMaximum: fc.integer({ min: -1, max: 2 }) }),
  fc.record({ multipleOf: fc.constantFrom(1, 2, 0.5) }),
  fc.record({ required: fc.uniqueArray(names, { maxLength: 2 }) }),
  fc.record({ minItems: fc.nat(2) }),
  fc.record({ maxProperties: fc.nat(2) }),
  fc.record({ uniqueItems: fc.boolean() }),
  fc.record({
    dependentRequired: fc.dictionary(names, fc.uniqueArray(names, { maxLength: 2 }), {
      maxKeys: 2,
    }),
  }),
);
const schemaArbitrary = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small' },
    leafSchema,
    fc.record(
      {
        properties: fc.dictionary(names, tie('schema'), { maxKeys: 2 }),
        additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
      },
      { requiredKeys: ['properties'] },
    ),
    fc.record({ items: tie('schema') }),
    fc.record(
      {
        prefixItems: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
        items: tie('schema'),
      },
      { requiredKeys: ['prefixItems'] },
    ),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: tie('schema') }),
    fc.record(
      { if: tie('schema'), then: tie('schema'), else: tie('schema') },
      { requiredKeys: ['if'] },
    ),
  ),
})).schema;
