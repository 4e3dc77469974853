import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { Ga4Event } from '../../shared/events/event-types.js';
import type { HitEvent, SharedHitFields } from '../demo-shop/page/gtag/collect-hit-types.js';
import { consentFields, type ConsentSignals } from '../demo-shop/page/gtag/consent-fields.js';
import { encodeCollectRequest } from '../demo-shop/page/gtag/encode-collect-request.js';
import { encodeItem } from '../demo-shop/page/gtag/encode-item.js';
import { greyWomensTee, stanAndFriendsTee } from '../fixtures/google-example-item.js';

const endpoint = 'http://127.0.0.1:8080/g/collect';
const denied = { default: 'denied', effective: 'denied' } as const;
const grantedByUpdate = { default: 'denied', update: 'granted', effective: 'granted' } as const;
const everyType = (signal: ConsentSignals[string]): ConsentSignals => ({
  ad_storage: signal,
  analytics_storage: signal,
  ad_user_data: signal,
  ad_personalization: signal,
});

const shared: SharedHitFields = {
  measurementId: 'G-TWDEMO2025',
  gtmBuild: '45je5ca1v9210004242za200',
  pageLoadId: 1796409481488,
  consent: consentFields(everyType(grantedByUpdate)),
  clientId: '382419367.1796409481',
  language: 'en-us',
  screenResolution: '1280x720',
  sessionId: 1796409481,
  sessionCount: 3,
  isSessionEngaged: true,
  page: {
    location: 'http://127.0.0.1:8080/products/cedar-trail-socks',
    referrer: 'http://127.0.0.1:8080/',
    title: 'Cedar Trail Socks, 2 pairs | Tidewater Trail Co.',
  },
};
const request = { hitSequence: 4, msSinceNavigation: 1234.6 };

function decode(url: string, body: string): Ga4Event[] {
  const decoded = decodeRequest({ url, method: 'POST', ...(body === '' ? {} : { body }) });
  if (decoded.kind !== 'ga4') throw new Error(`decoded as ${decoded.kind}`);
  return decoded.events;
}

const addToCart: HitEvent = {
  name: 'add_to_cart',
  params: { currency: 'EUR', value: 39.98 },
  items: [
    { item_id: 'TW-TS-004', item_name: 'Cedar Trail Socks, 2 pairs', price: 19.99, quantity: 2 },
  ],
  flags: { isExplicit: true },
  engagementMs: 438,
};

describe('encodeCollectRequest', () => {
  it('puts a single event in the URL, with an empty body, and the repo decoder reads it back', () => {
    const { url, body } = encodeCollectRequest(endpoint, shared, [addToCart], request);
    const [event, ...others] = decode(url, body);

    expect(body).toBe('');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8080\/g\/collect\?v=2&tid=G-TWDEMO2025&gtm=/);
    expect(url).toContain('&en=add_to_cart&_ee=1&cu=EUR&pr1=');
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      name: 'add_to_cart',
      params: { currency: 'EUR', value: 39.98 },
      items: [
        {
          item_id: 'TW-TS-004',
          item_name: 'Cedar Trail Socks, 2 pairs',
          price: 19.99,
          quantity: 2,
        },
      ],
      ids: {
        measurementId: 'G-TWDEMO2025',
        clientId: '382419367.1796409481',
        sessionId: '1796409481',
        sessionCount: 3,
        pageLoadId: '1796409481488',
        hitSequence: 4,
      },
      page: { ...shared.page, language: 'en-us', screenResolution: '1280x720' },
      session: { engaged: true, engagementTimeMs: 438 },
      flags: { _ee: '1' },
      warnings: [],
    });
    expect(event?.raw.tfd).toBe('1235');
  });

  it('sends several events as CR LF body lines under one URL without en, sharing one _s', () => {
    const pageView: HitEvent = {
      name: 'page_view',
      params: {},
      items: [],
      flags: { isFirstVisit: true, isNewSessionId: true, isSessionStart: true },
    };
    const { url, body } = encodeCollectRequest(endpoint, shared, [pageView, addToCart], request);
    const events = decode(url, body);

    expect(url).not.toMatch(/[?&]en=/);
    expect(body.split('\r\n')).toHaveLength(2);
    expect(body.startsWith('en=page_view&_fv=1&_nsi=1&_ss=1\r\nen=add_to_cart&')).toBe(true);
    expect(events.map((event) => [event.name, event.ids.hitSequence, event.lineIndex])).toEqual([
      ['page_view', 4, 0],
      ['add_to_cart', 4, 1],
    ]);
    expect(events[0]?.session).toMatchObject({
      firstVisit: true,
      newSessionId: true,
      sessionStart: true,
    });
  });

  it('chooses ep. or epn. by the value type, so a string value stays visible on the wire', () => {
    const event: HitEvent = {
      name: 'purchase',
      params: {
        transaction_id: 'TW-1',
        value: '19.99',
        tax: 3.8,
        coupon: 'TRAIL10',
        is_gift: false,
      },
      items: [],
      flags: { isExplicit: true, isKeyEvent: true },
    };
    const { url } = encodeCollectRequest(endpoint, shared, [event], request);
    const [decoded] = decode(url, '');

    expect(url).toContain(
      '&_ee=1&_c=1&ep.transaction_id=TW-1&ep.value=19.99&epn.tax=3.8&ep.coupon=TRAIL10&ep.is_gift=false',
    );
    expect(decoded?.params).toEqual({
      transaction_id: 'TW-1',
      value: '19.99',
      tax: 3.8,
      coupon: 'TRAIL10',
      is_gift: 'false',
    });
    expect(decoded?.flags).toMatchObject({ _ee: '1', _c: '1' });
  });

  it('leaves out parameters gtag cannot put on the wire (objects, arrays, undefined)', () => {
    const event: HitEvent = {
      name: 'view_cart',
      params: { nested: { a: 1 }, list: [1], missing: undefined, tier: 'Standard' },
      items: [],
      flags: {},
    };
    const { url } = encodeCollectRequest(endpoint, shared, [event], request);
    expect(decode(url, '')[0]?.params).toEqual({ tier: 'Standard' });
  });
});

describe('encodeItem', () => {
  it("writes Google's example item exactly as the real capture A6 carries it", () => {
    expect(encodeItem(stanAndFriendsTee)).toBe(
      'idSKU_12345~nmStan%20and%20Friends%20Tee~afGoogle%20Merchandise%20Store~cpSUMMER_FUN~ds2.22~lp0' +
        '~brGoogle~caApparel~c2Adult~c3Shirts~c4Crew~c5Short%20sleeve~lirelated_products' +
        '~lnRelated%20Products~vagreen~loChIJIQBpAG2ahYAR_6128GcTUEo~pr10.01~qt3',
    );
  });

  it('writes promotion fields and a custom parameter as A28 does, apostrophe escaped', () => {
    expect(encodeItem(greyWomensTee)).toBe(
      'idSKU_12346~nmGoogle%20Grey%20Women%27s%20Tee~afGoogle%20Merchandise%20Store~cpSUMMER_FUN~ds3.33' +
        '~lp1~brGoogle~caApparel~c2Adult~c3Shirts~c4Crew~c5Short%20sleeve~lirelated_products' +
        '~lnRelated%20Products~vagray~loChIJIQBpAG2ahYAR_6128GcTUEo~pr21.01~piP_12345~pnSummer%20Sale' +
        '~k0google_business_vertical~v0retail~qt2',
    );
  });

  it('writes a string price exactly like a number: the hit cannot show that bug', () => {
    expect(encodeItem({ item_id: 'TW-TS-004', price: '19.99' })).toBe(
      encodeItem({ item_id: 'TW-TS-004', price: 19.99 }),
    );
  });

  it('escapes a tilde inside a value so the item is not split there', () => {
    const { url } = encodeCollectRequest(
      endpoint,
      shared,
      [
        {
          name: 'view_item',
          params: {},
          items: [{ item_id: 'A~1', item_name: 'Tilde ~ Tee' }],
          flags: {},
        },
      ],
      request,
    );
    expect(decode(url, '')[0]?.items).toEqual([{ item_id: 'A~1', item_name: 'Tilde ~ Tee' }]);
  });
});

describe('consentFields', () => {
  it.each([
    [
      'denied by default',
      everyType(denied),
      { gcs: 'G100', gcd: '13p3p3p2p5l1', npa: '1', dmaCps: '-' },
      'denied',
    ],
    [
      'granted by an update',
      everyType(grantedByUpdate),
      { gcs: 'G111', gcd: '13r3r3r2r5l1', npa: '0', dmaCps: 'syphamo' },
      'granted',
    ],
    [
      'denied by an update',
      everyType({ default: 'denied', update: 'denied', effective: 'denied' }),
      { gcs: 'G100', gcd: '13q3q3q2q5l1', npa: '1', dmaCps: '-' },
      'denied',
    ],
    ['without consent mode', {}, { gcd: '13l3l3l3l1l1', npa: '0', dmaCps: 'syphamo' }, 'unset'],
  ] as const)(
    '%s gives the fields real captures show, and the decoder agrees',
    (_name, signals, fields, analytics) => {
      const consent = consentFields(signals);
      expect(consent).toEqual(fields);

      const { url } = encodeCollectRequest(endpoint, { ...shared, consent }, [addToCart], request);
      const [event] = decode(url, '');
      expect(event?.consent.analytics_storage?.effective).toBe(analytics);
      expect(event?.warnings).toEqual([]);
    },
  );

  it('grants analytics but not ads when only analytics was granted', () => {
    const consent = consentFields({ ...everyType(denied), analytics_storage: grantedByUpdate });
    expect(consent).toMatchObject({ gcs: 'G101', gcd: '13p3r3p2p5l1', npa: '1', dmaCps: '-' });
  });
});

describe('encoder and repo decoder agree on any parameters and items', () => {
  const name = fc
    .stringMatching(/^[a-z][a-z0-9_]{0,20}$/)
    .filter((text) => text !== 'currency' && text !== 'items');
  const text = fc.string({ unit: 'grapheme', maxLength: 30 });
  const amount = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => cents / 100);

  it('decodes every parameter back to its value and type', () => {
    fc.assert(
      fc.property(
        fc.dictionary(name, fc.oneof(text, amount), { maxKeys: 8 }),
        fc.array(fc.record({ item_id: text, item_name: text, price: amount }), { maxLength: 3 }),
        (params, items) => {
          const event: HitEvent = { name: 'view_item', params, items, flags: {} };
          const { url } = encodeCollectRequest(endpoint, shared, [event], request);
          const [decoded] = decode(url, '');
          expect(decoded?.params).toEqual(params);
          expect(decoded?.items).toEqual(items);
          expect(decoded?.warnings).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
