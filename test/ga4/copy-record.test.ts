import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { copyRecord } from '../../shared/text/copy-record.js';
import { setEntry } from '../../shared/text/set-entry.js';

/** Builds a record the way the decoder does, one wire key at a time. */
function recordOf(entries: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of entries) setEntry(record, key, value);
  return record;
}

describe('copyRecord', () => {
  it.each([
    [
      'wire keys in arrival order',
      [
        ['tid', 'G-1'],
        ['cid', '1.2'],
        ['_p', '9'],
      ],
    ],
    [
      'numeric names, which objects list first',
      [
        ['value', '1'],
        ['2', 'b'],
        ['1', 'a'],
      ],
    ],
    [
      'an own __proto__ key from the wire',
      [
        ['__proto__', 'x'],
        ['constructor', 'y'],
      ],
    ],
    ['nothing', []],
  ] as const)('copies %s exactly as a spread copy would', (_, entries) => {
    const record = recordOf(entries);
    const copy = copyRecord(record);
    const spread = { ...record };
    expect(copy).not.toBe(record);
    expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(spread));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(spread));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it('leaves the original alone when the copy changes', () => {
    const record = recordOf([['dl', 'https://example.test/']]);
    const copy = copyRecord(record);
    copy.dl = 'changed';
    copy.dt = 'added';
    expect(record).toEqual({ dl: 'https://example.test/' });
  });

  it('matches a spread copy for any keys, and never touches Object.prototype', () => {
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', '0', '10', '-1', '1.5'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string()), { maxLength: 20 }), (entries) => {
        const record = recordOf(entries);
        const copy = copyRecord(record);
        expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys({ ...record }));
        expect(JSON.stringify(copy)).toBe(JSON.stringify(record));
        expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      }),
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('the body lines of a batched request', () => {
  it('each keep the URL values in their order, including a __proto__ parameter', () => {
    const url =
      'https://www.google-analytics.com/g/collect?v=2&tid=G-1&ep.__proto__=p&ep.2=n&ep.b=1&gcs=G101';
    const [first, second] = decodeCollectHit(url, 'en=scroll&ep.a=1\nen=click&ep.c=2');
    if (first === undefined || second === undefined) throw new Error('expected two events');
    expect(JSON.stringify(first.params)).toBe('{"2":"n","__proto__":"p","b":"1","a":"1"}');
    expect(JSON.stringify(second.params)).toBe('{"2":"n","__proto__":"p","b":"1","c":"2"}');
    expect(Object.getPrototypeOf(first.params)).toBe(Object.prototype);
    expect(Object.keys(first.consent)).toEqual(['gcs', 'ad_storage', 'analytics_storage']);
    expect(first.params).not.toBe(second.params);
  });
});
