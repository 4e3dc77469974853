import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PermissionDeniedError,
  type PermissionEntry,
  type TypedValue,
} from '../../gtm-template/sandbox/contract.js';
import { createPermissionChecker } from '../../gtm-template/sandbox/permissions/create-permission-checker.js';
import { permissionRules } from '../../gtm-template/sandbox/permissions/permission-rules.js';

const ids = [...permissionRules.keys()];
const words = fc.constantFrom(
  'any',
  'specific',
  '*',
  'read',
  'write',
  'read_write',
  'https://*.x.test/',
  '__proto__',
  'key',
  'all',
  'debug',
);

const typedValue: fc.Arbitrary<TypedValue> = fc.letrec<{ value: TypedValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(words, fc.string()).map((string) => ({ type: 1 as const, string })),
    fc.boolean().map((boolean) => ({ type: 8 as const, boolean })),
    fc.array(tie('value'), { maxLength: 3 }).map((listItem) => ({ type: 2 as const, listItem })),
    fc
      .array(fc.tuple(fc.oneof(words, fc.string()), tie('value')), { maxLength: 4 })
      .map((pairs) => ({
        type: 3 as const,
        mapKey: pairs.map(([key]) => ({ type: 1 as const, string: key })),
        mapValue: pairs.map(([, value]) => value),
      })),
    fc.anything().map((junk) => junk as TypedValue),
  ),
})).value;

const entry: fc.Arbitrary<PermissionEntry> = fc.record({
  instance: fc.record({
    key: fc.record({
      publicId: fc.oneof(fc.constantFrom(...ids), fc.string()),
      versionId: fc.constant('1'),
    }),
    param: fc.array(fc.record({ key: fc.oneof(words, fc.string()), value: typedValue }), {
      maxLength: 5,
    }),
  }),
});

describe('the permission checker on random entries and arguments', () => {
  it('answers queries without throwing and denies only with PermissionDeniedError', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 4 }),
        fc.constantFrom('web' as const, 'server' as const),
        fc.oneof(fc.constantFrom(...ids), fc.string()),
        fc.array(fc.anything({ withNullPrototype: true }), { maxLength: 3 }),
        (entries, context, id, args) => {
          const checker = createPermissionChecker(entries, context);
          expect(typeof checker.query(id, ...args)).toBe('boolean');
          try {
            checker.assert('fuzzedApi', id, ...args);
          } catch (error) {
            expect(error).toBeInstanceOf(PermissionDeniedError);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 2000 },
    );
  });
});
