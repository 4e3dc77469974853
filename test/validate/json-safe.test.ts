import { afterEach, describe, expect, it } from 'vitest';
import { isJsonSafe } from '../../shared/validate/to-json-safe.js';

class Purchase {
  transaction_id = 'T_12345';
}

const pollutedKey = 'tagwardenPolluted';

describe('isJsonSafe', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>)[pollutedKey];
  });

  it.each([
    { case: 'a decoded view_item', value: { currency: 'USD', value: 30.03, debug_mode: true } },
    {
      case: 'items nested in an array',
      value: { items: [{ item_id: 'SKU_12345', price: 10.01, quantity: 3 }] },
    },
    { case: 'a record without a prototype', value: Object.assign(Object.create(null), { a: 1 }) },
    { case: 'a null value', value: { coupon: null } },
  ])('accepts $case', ({ value }) => {
    expect(isJsonSafe(value)).toBe(true);
  });

  it.each([
    { case: 'an undefined value', value: { coupon: undefined } },
    { case: 'a class instance', value: { order: new Purchase() } },
    { case: 'a key holding half a surrogate pair', value: { ['bad\uD800']: 'x' } },
    { case: 'a bigint', value: { value: 10n } },
  ])('rejects $case', ({ value }) => {
    expect(isJsonSafe(value)).toBe(false);
  });

  // Keys `Object.prototype` gains show up in every record's `for…in`: such records are copied.
  it('rejects plain records once Object.prototype has an enumerable key', () => {
    const record = { currency: 'USD', items: [{ item_id: 'SKU_12345' }] };
    expect(isJsonSafe(record)).toBe(true);

    (Object.prototype as Record<string, unknown>)[pollutedKey] = 'x';

    expect(isJsonSafe(record)).toBe(false);
    // A record without a prototype inherits nothing, polluted or not.
    expect(isJsonSafe(Object.assign(Object.create(null), { a: 1 }))).toBe(true);
  });

  it('accepts them again once the key is gone', () => {
    expect(isJsonSafe({ currency: 'USD' })).toBe(true);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
