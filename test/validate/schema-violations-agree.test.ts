import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Violation } from '../../shared/events/event-types.js';
import type { JsonSchema } from '../../shared/plan/plan-types.js';
import type { SchemaIssue } from '../../shared/schema/schema-issue.js';
import {
  compileEventSchema,
  schemaViolations,
  type CompiledEventSchema,
} from '../../shared/validate/compile-event-schema.js';
import { schemaErrorsToViolations } from '../../shared/validate/schema-errors-to-violations.js';

// An event whose only problem is one missing required property gets its violation from the
// closures; every other invalid event from cfworker's errors. Both must give the same bytes,
// so each result is compared with what the interpreter's errors alone become. Names include
// the characters a JSON Pointer escapes, and the names objects inherit.
const names = fc.constantFrom('a', 'b', 'item_id', 'a/b', 't~1', 'constructor', '__proto__');
const scalar = fc.oneof(
  fc.constantFrom(0, 1, -1, 2.5, 100, 'USD', 'usd', '', 'Stan', '水飽飽', true, false, null),
  fc.string({ maxLength: 3 }),
);
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(names, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const typeName = fc.constantFrom('string', 'number', 'integer', 'object', 'array', 'null');
// Weighted towards `required` and nested `properties`, where the closures answer alone.
const schema = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    // The first choice is the one taken at the depth limit, so it must not recurse.
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.record(
      {
        required: fc.uniqueArray(names, { minLength: 1, maxLength: 2 }),
        properties: fc.dictionary(names, tie('schema'), { maxKeys: 3 }),
        items: tie('schema'),
      },
      { requiredKeys: ['required'] },
    ),
    fc.record(
      {
        type: fc.oneof(typeName, fc.uniqueArray(typeName, { minLength: 1, maxLength: 2 })),
        enum: fc.array(scalar, { minLength: 1, maxLength: 3 }),
        const: value,
        minimum: fc.integer({ min: -2, max: 3 }),
        maxLength: fc.nat(3),
        pattern: fc.constantFrom('^[A-Z]{3}$', 'a', '^$'),
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
        allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
        not: tie('schema'),
      },
      { requiredKeys: [] },
    ),
  ),
})).schema;

/** The violations the interpreter's errors become, as schemaViolations gave them before. */
function interpreterViolations(
  compiled: CompiledEventSchema,
  instance: Record<string, unknown>,
  pathPrefix: string,
): Violation[] {
  const result = compiled.interpreter?.validate(instance);
  if (!result || result.valid) return [];
  return schemaErrorsToViolations(result.errors, {
    eventName: 'view_item',
    schema: compiled.schema,
    instance,
    pathPrefix,
  });
}

function isLoneMissingProperty(compiled: CompiledEventSchema, instance: unknown): boolean {
  const issues: SchemaIssue[] = [];
  compiled.closures?.collect(instance, '', issues);
  const [issue] = issues;
  return issues.length === 1 && issue?.keyword === 'required' && typeof issue.expected === 'string';
}

describe('the violations of an invalid event', () => {
  it('are the bytes the interpreter gives, whichever path builds them', () => {
    let answeredByClosures = 0;
    fc.assert(
      fc.property(
        schema,
        fc.array(fc.dictionary(names, value, { maxKeys: 4 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '/user_properties'),
        (properties, events, pathPrefix) => {
          const root = {
            type: 'object',
            $defs: { shared: properties },
            allOf: [{ $ref: '#/$defs/shared' }],
          } as JsonSchema;
          const compiled = compileEventSchema(root);
          for (const event of events) {
            const expected = interpreterViolations(compiled, event, pathPrefix);
            const actual = schemaViolations(compiled, event, 'view_item', pathPrefix);
            expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
            if (expected.length > 0 && isLoneMissingProperty(compiled, event)) answeredByClosures++;
          }
        },
      ),
      { numRuns: 1500 },
    );
    // The comparison above means little unless the closures' answer was often the one used.
    expect(answeredByClosures).toBeGreaterThan(150);
  });

  it.each([
    {
      case: 'a top-level property',
      schema: { type: 'object', required: ['search_term'] },
      instance: { currency: 'USD' },
      pathPrefix: '',
      path: '/search_term',
    },
    {
      case: 'an item field',
      schema: {
        type: 'object',
        properties: { items: { type: 'array', items: { required: ['item_id'] } } },
      },
      instance: { items: [{ item_id: 'SKU_1' }, { item_name: 'Stan and Friends Tee' }] },
      pathPrefix: '',
      path: '/items/1/item_id',
    },
    {
      case: 'a user property whose name a pointer escapes',
      schema: { type: 'object', required: ['plan/tier~x'] },
      instance: { plan: 'gold' },
      pathPrefix: '/user_properties',
      path: '/user_properties/plan~1tier~0x',
    },
  ])(
    'names $case that is missing, as the interpreter does',
    ({ schema, instance, pathPrefix, path }) => {
      const compiled = compileEventSchema(schema as JsonSchema);

      const violations = schemaViolations(compiled, instance, 'view_item', pathPrefix);

      expect(violations).toEqual(interpreterViolations(compiled, instance, pathPrefix));
      expect(violations).toMatchObject([{ code: 'missing_required', path }]);
      expect(isLoneMissingProperty(compiled, instance)).toBe(true);
    },
  );

  it('leaves two missing properties to the interpreter, in its order', () => {
    const compiled = compileEventSchema({ type: 'object', required: ['b', 'a'] } as JsonSchema);

    const violations = schemaViolations(compiled, {}, 'view_item', '');

    expect(violations.map((violation) => violation.path)).toEqual(['/b', '/a']);
    expect(violations).toEqual(interpreterViolations(compiled, {}, ''));
  });
});
