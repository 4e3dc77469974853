import { describe, expect, it } from 'vitest';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { greyWomensTee, stanAndFriendsTee } from '../fixtures/google-example-item.js';
import { A10, A11, A12, A28, A30, A6, A7 } from './fixtures/part-a-ga4-beacons.js';

/** Google's example item as sesamy-go captured it (samples A6, A7, A10). */
const GOOGLE_EXAMPLE_ITEM = stanAndFriendsTee;

/** The purchase call's item (sample A11): `index: 5` and another affiliation and list name. */
const PURCHASE_ITEM = {
  ...GOOGLE_EXAMPLE_ITEM,
  affiliation: 'Google Store',
  index: 5,
  item_list_name: 'Related products',
};

function itemsOf(url: string, body?: string) {
  const [event] = decodeCollectHit(url, body);
  return { items: event?.items, warnings: event?.warnings.map((warning) => warning.code) };
}

describe('items (prN, protocol §5)', () => {
  it.each([
    ['A6', A6.url, [GOOGLE_EXAMPLE_ITEM]],
    ['A7', A7.url, [GOOGLE_EXAMPLE_ITEM]],
    ['A10', A10.url, [GOOGLE_EXAMPLE_ITEM]],
    ['A11', A11.url, [PURCHASE_ITEM]],
    ['A12', A12.url, [PURCHASE_ITEM]],
  ])('decodes every standard item key of sample %s, numbers as numbers', (_, url, expected) => {
    expect(itemsOf(url)).toEqual({ items: expected, warnings: [] });
  });

  it('decodes custom item parameters and a promotion on the second item (sample A28)', () => {
    expect(itemsOf(A28.url)).toEqual({
      items: [{ ...GOOGLE_EXAMPLE_ITEM, google_business_vertical: 'retail' }, greyWomensTee],
      warnings: [],
    });
  });

  it('splits before decoding, so CJK, | and ™ arrive whole, in token order (sample A30)', () => {
    expect(itemsOf(A30.url)).toEqual({
      items: [
        {
          item_name: '水飽飽維他命B5保濕精華 | B-Hydra™ Intensive Hydration Serum',
          item_id: '856556004180',
          price: 1650,
          item_brand: 'Drunkelephant',
          item_category: '所有產品/臉部保養/精華液',
          item_category2: 'Product',
          item_category3: 'IN_STOCK',
          item_category5: '精華液>水飽飽維他命B5保濕精華 | B-Hydra™ Intensive Hydration Serum',
          item_list_id: '0',
          item_list_name: '/',
          item_variant: '856556004180',
          item_auto_replen: 'NO',
        },
      ],
      warnings: [],
    });
  });

  it('keeps encoded ~, &, quotes and newlines inside values', () => {
    const url = 'v=2&en=x&pr1=nmA%7EB%20%26%20%22C%22%0Aline~idX';
    expect(itemsOf(url).items).toEqual([{ item_name: 'A~B & "C"\nline', item_id: 'X' }]);
  });

  it('sorts items by number and allows gaps', () => {
    const url = 'v=2&en=x&pr10=idTEN&pr2=idTWO&pr1=idONE';
    expect(itemsOf(url).items).toEqual([
      { item_id: 'ONE' },
      { item_id: 'TWO' },
      { item_id: 'TEN' },
    ]);
  });

  it('keeps a malformed custom key such as kvariant_name under _unparsed, with warnings', () => {
    const url = 'v=2&en=x&pr1=idSKU~kvariant_name~v0blue~qt1';
    expect(itemsOf(url)).toEqual({
      items: [{ item_id: 'SKU', quantity: 1, _unparsed: 'kvariant_name~v0blue' }],
      warnings: ['item_malformed_token', 'item_unpaired_custom'],
    });
  });

  it('keeps unknown and one-letter tokens, and reads a custom name before or after its value', () => {
    const url = 'v=2&en=x&pr1=v1late~zz9~k1size~x~idA';
    expect(itemsOf(url)).toEqual({
      items: [{ item_id: 'A', size: 'late', _unparsed: 'zz9~x' }],
      warnings: ['item_unknown_key', 'item_malformed_token'],
    });
  });

  it('keeps a non-numeric price as text with a warning', () => {
    expect(itemsOf('v=2&en=x&pr1=idA~prabc~qt')).toEqual({
      items: [{ item_id: 'A', price: 'abc', quantity: '' }],
      warnings: ['not_a_number', 'not_a_number'],
    });
  });

  it('does not let a custom name replace a standard field', () => {
    expect(itemsOf('v=2&en=x&pr1=idA~k0item_id~v0B')).toEqual({
      items: [{ item_id: 'A', _unparsed: 'k0item_id~v0B' }],
      warnings: ['item_duplicate_key'],
    });
  });

  it('lets a body line replace the URL item with the same number', () => {
    const [event] = decodeCollectHit('v=2&pr1=idURL&pr2=idKEPT', 'en=x&pr1=idLINE');
    expect(event?.items).toEqual([{ item_id: 'LINE' }, { item_id: 'KEPT' }]);
  });

  it('does not mistake the price token for an item key, nor pr without digits for an item', () => {
    const [event] = decodeCollectHit('v=2&en=x&pr=5&prx=1&pr1=pr5');
    expect(event?.items).toEqual([{ price: 5 }]);
    expect(event?.unknown).toMatchObject({ pr: '5', prx: '1' });
  });
});
