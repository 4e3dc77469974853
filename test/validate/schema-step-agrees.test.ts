import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../shared/plan/plan-types.js';
import {
  compileEventSchema,
  schemaViolations,
} from '../../shared/validate/compile-event-schema.js';

// The schema step answers "no violations" from fast closures when it can, and asks cfworker
// otherwise. Whatever path it takes, it must agree with cfworker alone. Schemas and values
// come from one small vocabulary, so matches and near misses are both common.
const names = fc.constantFrom('a', 'b', 'item_id', 'value', 'constructor', '__proto__');
const scalar = fc.oneof(
  fc.constantFrom(
    0,
    1,
    -1,
    2.5,
    3,
    100,
    Infinity,
    -0,
    'USD',
    'usd',
    '',
    'Stan',
    '水飽飽',
    '🛒',
    true,
    false,
    null,
  ),
  fc.string({ maxLength: 4 }),
  fc.double(),
);
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(names, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const typeName = fc.constantFrom(
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
);
const schema = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small' },
    fc.boolean(),
    fc.record(
      {
        type: fc.oneof(typeName, fc.uniqueArray(typeName, { minLength: 1, maxLength: 3 })),
        enum: fc.array(scalar, { minLength: 1, maxLength: 3 }),
        const: value,
        minimum: fc.integer({ min: -2, max: 3 }),
        exclusiveMaximum: fc.integer({ min: -2, max: 100 }),
        maxLength: fc.nat(3),
        pattern: fc.constantFrom('^[A-Z]{3}$', 'a', '^$', '.'),
        format: fc.constantFrom('email', 'date'),
        minItems: fc.nat(2),
        uniqueItems: fc.boolean(),
        items: tie('schema'),
        required: fc.array(names, { maxLength: 2 }),
        properties: fc.dictionary(names, tie('schema'), { maxKeys: 3 }),
        additionalProperties: tie('schema'),
        dependentRequired: fc.dictionary(names, fc.array(names, { maxLength: 2 }), { maxKeys: 2 }),
        anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
        oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
        not: tie('schema'),
      },
      { requiredKeys: [] },
    ),
  ),
})).schema;

describe('the schema step of validation', () => {
  it('finds violations exactly when cfworker alone finds the event invalid', () => {
    fc.assert(
      fc.property(
        schema,
        fc.array(fc.dictionary(names, value, { maxKeys: 4 }), { minLength: 1, maxLength: 4 }),
        (properties, events) => {
          const root = {
            type: 'object',
            $defs: { shared: properties },
            anyOf: [{ $ref: '#/$defs/shared' }],
          } as JsonSchema;
          const compiled = compileEventSchema(root);
          const interpreter = new Validator(structuredClone(root) as object, '2020-12', false);
          for (const event of events) {
            const isInvalid = !interpreter.validate(event).valid;
            expect(schemaViolations(compiled, event, 'e', '').length > 0).toBe(isInvalid);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reports a schema the interpreter cannot compile instead of throwing', () => {
    const compiled = compileEventSchema({ properties: { a: { $ref: '#/$defs/missing' } } });

    expect(schemaViolations(compiled, { a: 1 }, 'purchase', '')).toMatchObject([
      { code: 'schema_violation', severity: 'error', path: '' },
    ]);
  });
});
