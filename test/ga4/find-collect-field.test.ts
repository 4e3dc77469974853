import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECT_FIELDS } from '../../shared/ga4/collect-field-table.js';
import { findCollectField } from '../../shared/ga4/find-collect-field.js';

/** Looks the key up where it stands inside a query, as the decoder does. */
function findInQuery(key: string) {
  const text = `v=2&${key}=value&en=page_view`;
  return findCollectField(text, 4, 4 + key.length);
}

describe('finding a known /g/collect key where it stands', () => {
  it('finds every key of the table, as the same field the table holds', () => {
    for (const [key, field] of COLLECT_FIELDS) {
      expect(findInQuery(key)).toBe(field);
    }
  });

  it.each([
    ['a key cut short', 'ti'],
    ['a key with one more character', 'tidx'],
    ['a key in another case', 'TID'],
    ['a prefixed parameter', 'ep.tid'],
    ['a key that shares the outer characters of sst.etld', 'ssq.etld'],
    ['a key that shares the outer characters of richsstsse', 'rixxxxxxse'],
    ['a key that shares the outer characters of us_privacy', 'us-privacy'],
    ['a key with a non-ASCII letter', 'tïd'],
    ['a key of one character that is not v or z', 'x'],
  ])('finds nothing for %s (%s)', (_, key) => {
    expect(findInQuery(key)).toBeUndefined();
  });

  it('finds nothing in an empty stretch', () => {
    expect(findCollectField('v=2&&en=x', 4, 4)).toBeUndefined();
  });

  it('agrees with the table for any key, anywhere in a text', () => {
    const knownKey = fc.constantFrom(...COLLECT_FIELDS.keys());
    const anyKey = fc.oneof(knownKey, fc.string({ maxLength: 14 }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(fc.string(), anyKey, fc.string(), (before, key, after) => {
        const text = before + key + after;
        const found = findCollectField(text, before.length, before.length + key.length);
        expect(found).toBe(COLLECT_FIELDS.get(key));
      }),
      { numRuns: 2000 },
    );
  });
});
