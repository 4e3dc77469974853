import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { describe, expect, it } from 'vitest';
import { ga4EventToTestInput } from '../../shared/validate/ga4-event-to-test-input.js';
import { a6PageLocation, ga4Event, greyWomensTee, stanAndFriendsTee } from './corpus-events.js';
import { bundledValidator } from './plans.js';

// A28 as the decoder returns it: `cu`, `ep.`/`epn.` params, `pr1`/`pr2` items, `_p`, `_s`.
const a28 = ga4Event({
  name: 'purchase',
  params: {
    currency: 'USD',
    transaction_id: 'T_12345',
    value: 72.05,
    tax: 3.6,
    shipping: 5.99,
    coupon: 'SUMMER_SALE',
    customer_type: 'new',
  },
  items: [stanAndFriendsTee, greyWomensTee],
  ids: {
    measurementId: 'G-ABC123',
    clientId: '111111121.1700000021',
    sessionId: '1766755460',
    pageLoadId: '1766755449798',
    hitSequence: 2,
  },
  page: { location: 'https://www.example.com/?g=123123', title: 'Example Domain' },
  raw: { cu: 'USD', en: 'purchase' },
});

describe('turning a decoded GA4 event into validator input', () => {
  it('uses the params plus items as properties, and names the request', () => {
    expect(ga4EventToTestInput(a28)).toEqual({
      name: 'purchase',
      layer: 'ga4',
      properties: { ...a28.params, items: [stanAndFriendsTee, greyWomensTee] },
      urls: { page_location: 'https://www.example.com/?g=123123' },
      dedupeKey: 'G-ABC123|1766755449798|2|0',
    });
  });

  it('leaves items out when the hit has none, and carries referrer, user id and user properties', () => {
    const pageView = ga4Event({
      name: 'page_view',
      params: { content_group: 'page' },
      userProperties: { cookie_level: 'optimaal' },
      ids: { userId: 'member-4711' },
      page: { location: a6PageLocation, referrer: 'https://bestbytes.cloudflareaccess.com/' },
      lineIndex: 1,
    });

    expect(ga4EventToTestInput(pageView)).toEqual({
      name: 'page_view',
      layer: 'ga4',
      properties: { content_group: 'page' },
      userProperties: { cookie_level: 'optimaal' },
      userId: 'member-4711',
      urls: {
        page_location: a6PageLocation,
        page_referrer: 'https://bestbytes.cloudflareaccess.com/',
      },
    });
  });

  // `currency` travels as the top-level `cu` (ga4-protocol.md §3.4); the decoder puts it back
  // under its GA4 name, so the validator never needs the raw wire text.
  it('validates currency sent as cu, through the decoder', () => {
    const [hit] = decodeCollectHit(
      'https://www.google-analytics.com/g/collect?v=2&tid=G-1&en=add_to_cart&cu=USD&epn.value=30.03&pr1=idSKU_12345~pr10.01~qt3',
    );
    if (!hit) throw new Error('the hit must decode');

    expect(ga4EventToTestInput(hit).properties['currency']).toBe('USD');
    expect(bundledValidator().validate(ga4EventToTestInput(hit)).status).toBe('valid');
  });

  it('keeps a __proto__ parameter as plain data', () => {
    const params = JSON.parse('{"__proto__": "x", "method": "Google"}') as Record<string, string>;
    const input = ga4EventToTestInput(ga4Event({ name: 'login', params }));

    expect(Object.getPrototypeOf(input.properties)).toBe(Object.prototype);
    expect(Object.keys(input.properties)).toEqual(['__proto__', 'method']);
    expect(({} as Record<string, unknown>)['method']).toBeUndefined();
  });

  it('gives hits the same dedupeKey only when they are the same request line', () => {
    const line = (lineIndex: number, hitSequence: number) =>
      ga4EventToTestInput(
        ga4Event({
          ids: { measurementId: 'G-DEMO000002', pageLoadId: '1777284853404', hitSequence },
          lineIndex,
        }),
      ).dedupeKey;

    expect(line(0, 3)).toBe(line(0, 3));
    expect(line(1, 3)).not.toBe(line(0, 3));
    expect(line(0, 4)).not.toBe(line(0, 3));
    expect(
      ga4EventToTestInput(ga4Event({ ids: { measurementId: 'G-DEMO000002' } })).dedupeKey,
    ).toBeUndefined();
  });
});
