import { describe, expect, it } from 'vitest';
import { findPiiInEvent } from '../../shared/pii/find-pii-in-event.js';

// D6: the cycling shop's purchase, after `ecommerce` is lifted.
const d6Properties = {
  currency: 'EUR',
  value: '99.8',
  transaction_id: '45734',
  customer_email: 'test@example.com',
  customer_telephone: '+32000000000',
  coupon: 'blackfriday',
  items: [{ item_name: 'Alpecin-Fenix Sweatpants 2022', item_id: 'CIT30283', price: '49.90' }],
};

describe('finding personal data in a whole event', () => {
  it('reports each finding at its JSON Pointer (D6)', () => {
    expect(findPiiInEvent({ properties: d6Properties })).toEqual([
      { kind: 'email', path: '/customer_email', excerpt: 't***@example.com', isHashed: false },
      { kind: 'phone', path: '/customer_telephone', excerpt: '+32*******00', isHashed: false },
    ]);
  });

  it('looks inside items, nested objects, user properties, the user id and URLs', () => {
    const findings = findPiiInEvent({
      properties: {
        items: [{ item_id: 'SKU_12345' }, { item_id: 'SKU_12346', buyer: 'jane@example.com' }],
        user_data: { address: [{ first_name: 'Jane', postal_code: '1000' }] },
      },
      userProperties: { contact: '+32 470 00 00 00' },
      userId: 'jane@example.com',
      urls: {
        page_location: 'https://www.example.com/thanks?email=jane%40example.com',
        page_referrer: 'https://www.bing.com/',
      },
    });

    expect(findings.map((finding) => [finding.kind, finding.path])).toEqual([
      ['email', '/items/1/buyer'],
      ['personal_field', '/user_data/address/0/first_name'],
      ['personal_field', '/user_data/address/0/postal_code'],
      ['phone', '/user_properties/contact'],
      ['email', '/user_id'],
      ['email', '/page_location'],
    ]);
  });

  it('skips allowed names: a top-level parameter with everything under it, a leaf key, or a URL', () => {
    const findings = findPiiInEvent(
      {
        properties: {
          user_data: { email: 'jane@example.com' },
          notes: { email: 'jane@example.com' },
          other: 'jane@example.com',
        },
        urls: { page_location: 'https://www.example.com/?email=jane%40example.com' },
      },
      { allow: new Set(['user_data', 'other', 'page_location']) },
    );

    expect(findings.map((finding) => finding.path)).toEqual(['/notes/email']);
  });

  it('reports a phone pushed as a number under a phone key', () => {
    expect(findPiiInEvent({ properties: { phone: 32470000000, quantity: 32470000000 } })).toEqual([
      { kind: 'phone', path: '/phone', excerpt: '32*******00', isHashed: false },
    ]);
  });

  // A phone number has seven to fifteen digits, so that is all a number under a phone key
  // can be reported at; the length is checked before the key's name.
  it.each([
    [999_999, []],
    [1_000_000, ['10***00']],
    [-1_000_000, ['10***00']],
    [999_999_999_999_999, ['99***********99']],
    [1e15, []],
    [1_234_567.5, []],
    [Number.NaN, []],
  ])('reports the number %d under a phone key as %j', (phone, excerpts) => {
    const findings = findPiiInEvent({ properties: { phone, quantity: phone } });
    expect(findings.map((finding) => finding.excerpt)).toEqual(excerpts);
    expect(findings.every((finding) => finding.path === '/phone')).toBe(true);
  });

  it('marks hashed values as hashed', () => {
    const sha256 = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8';

    expect(findPiiInEvent({ properties: { sha256_email_address: sha256 } })).toEqual([
      { kind: 'hashed', path: '/sha256_email_address', excerpt: '5e8848…(64 hex)', isHashed: true },
    ]);
  });

  it('finds nothing in an ordinary GA4 ecommerce event (A28)', () => {
    const properties = {
      currency: 'USD',
      transaction_id: 'T_12345',
      value: 72.05,
      coupon: 'SUMMER_SALE',
      items: [
        {
          item_id: 'SKU_12345',
          item_name: 'Stan and Friends Tee',
          location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
          price: 10.01,
          quantity: 3,
        },
      ],
    };

    expect(
      findPiiInEvent({ properties, urls: { page_location: 'https://www.example.com/?g=123123' } }),
    ).toEqual([]);
  });

  it('uses the JSON Pointer escapes for odd names', () => {
    expect(findPiiInEvent({ properties: { 'contact/email': 'jane@example.com' } })[0]?.path).toBe(
      '/contact~1email',
    );
  });
});
