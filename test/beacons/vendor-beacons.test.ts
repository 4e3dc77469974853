import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { VendorBeacon } from '../../shared/events/event-types.js';
import type { Capture } from '../ga4/fixtures/capture.js';
import { B1, B2, B3, B5 } from '../ga4/fixtures/part-b-universal-analytics.js';
import { C1, C2, C3, C5, C6, C7 } from '../ga4/fixtures/part-c-ads-and-pixels.js';

function beaconOf(capture: Capture): VendorBeacon {
  const decoded = decodeRequest(
    { url: capture.url, body: capture.body, method: capture.method },
    { pasted: capture.isPasted === true },
  );
  if (decoded.kind !== 'vendor') {
    throw new Error(`${capture.id} decoded as ${decoded.kind}`);
  }
  return decoded.beacon;
}

describe('Universal Analytics (protocol §9)', () => {
  it('names a pageview by its hit type and maps custom definitions (sample B1)', () => {
    const beacon = beaconOf(B1);
    expect(beacon).toMatchObject({
      vendor: 'universal-analytics',
      accountId: 'UA-17508125-8',
      name: 'pageview',
      endpoint: 'www.google-analytics.com/r/collect',
      warnings: [],
    });
    expect(beacon.params).toMatchObject({
      page_location: 'https://omnibug.io/',
      page_title: 'Omnibug :: web metrics debugging tool',
      client_id: '111111125.1700000025',
      dimension3: 'foobar',
      metric1: 12.2,
      content_group5: 'example content group',
    });
    expect(beacon.raw).toMatchObject({ cm1: '12.20', _v: 'j68', jid: '441640597' });
  });

  it('reads an event hit from a POST body, with category, action and label (sample B2)', () => {
    const beacon = beaconOf(B2);
    expect(beacon).toMatchObject({ name: 'event', accountId: 'UA-49796218-30' });
    expect(beacon.params).toMatchObject({
      event_category: 'addon',
      event_action: 'start-shot',
      event_label: 'toolbar-pageshot-button',
      application_name: 'firefox',
      user_agent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.11; rv:52.0) Gecko/20100101 Firefox/52.0',
      client_id: '00000000-1111-2222-3333-444444444444',
    });
  });

  it('keeps a raw en dash that the sender did not encode (sample B3)', () => {
    expect(beaconOf(B3).params.page_title).toBe(
      'Hazenet.dk – VMware vSphere, vRealize, Scripting and more',
    );
  });

  it('keeps empty and "undefined" event fields as sent, and the GA4-era consent keys (sample B5)', () => {
    expect(beaconOf(B5).params).toMatchObject({
      event_category: '',
      event_action: 'undefined',
      event_label: '',
      gcd: '13l3l3l3l1l1',
      dma: '0',
    });
  });

  it('gives one beacon per line of a /batch body', () => {
    const body = 'v=1&tid=UA-1-1&cid=1&t=pageview\nv=1&tid=UA-1-1&cid=1&t=event&ec=a&ea=b&ev=x';
    const decoded = decodeRequest({ url: 'https://www.google-analytics.com/batch', body });
    const beacons = decoded.kind === 'vendor' ? decoded.beacons : [];
    expect(beacons.map((beacon) => beacon.name)).toEqual(['pageview', 'event']);
    expect(beacons[1]?.params.event_value).toBe('x');
    expect(beacons[1]?.warnings.map((warning) => warning.code)).toEqual(['not_a_number']);
  });
});

describe('Google Ads (protocol §10)', () => {
  it('takes the account from the path and the event from data= (sample C1)', () => {
    const beacon = beaconOf(C1);
    expect(beacon).toMatchObject({
      vendor: 'google-ads',
      accountId: '1111111',
      name: 'purchase',
      endpoint: 'googleads.g.doubleclick.net/pagead/viewthroughconversion/1111111/',
    });
    expect(beacon.params).toMatchObject({
      conversion_label: 'AbC-D_efG-h12_34-567',
      allow_custom_scripts: 'true',
      page_location: 'https://omnibug.io/',
      page_title: 'Omnibug | A Digital Marketing Debugging Tool',
    });
  });

  it('reads a pasted config ping with client hints (sample C2)', () => {
    const beacon = beaconOf(C2);
    expect(beacon).toMatchObject({ accountId: '797629828', name: 'gtag.config' });
    expect(beacon.params).toMatchObject({
      gcd: '13l3l3l3l1l1',
      page_location: 'https://www.crowdstrike.com/en-us/',
    });
    expect(beacon.raw.uafvl).toBe(
      'Chromium%3B136.0.7103.25%7CHeadlessChrome%3B136.0.7103.25%7CNot.A%252FBrand%3B99.0.0.0',
    );
  });

  it.each([
    [
      'googleadservices conversion',
      'https://www.googleadservices.com/pagead/conversion/42/?label=L&value=9.5&currency_code=EUR&oid=T1',
    ],
    [
      '1p-conversion',
      'https://www.google.com/pagead/1p-conversion/42/?label=L&value=9.5&currency_code=EUR&oid=T1',
    ],
  ])('reads a %s', (_, url) => {
    const decoded = decodeRequest({ url });
    expect(decoded.kind === 'vendor' && decoded.beacon).toMatchObject({
      vendor: 'google-ads',
      accountId: '42',
      name: null,
      params: { conversion_label: 'L', value: 9.5, currency: 'EUR', transaction_id: 'T1' },
    });
  });
});

describe('Floodlight (protocol §10)', () => {
  it('reads the ;-separated path parameters, src as account and type/cat as event (sample C3)', () => {
    expect(beaconOf(C3)).toMatchObject({
      vendor: 'floodlight',
      accountId: '1234567',
      name: 'group1/thank123',
      params: {
        advertiser_id: '1234567',
        activity_group: 'group1',
        activity: 'thank123',
        quantity: 1,
        revenue: 666.66,
        order_id: 'xact111',
        u1: 'test123',
        u10: '123test',
        page_location: 'https://omnibug.io/',
      },
      warnings: [],
    });
  });
});

describe('Meta pixel (protocol §10)', () => {
  it('parses the JSON in cd[contents] into named parameters (sample C5)', () => {
    const beacon = beaconOf(C5);
    expect(beacon).toMatchObject({
      vendor: 'meta-pixel',
      accountId: '123456',
      name: 'Purchase',
      warnings: [],
    });
    expect(beacon.params).toMatchObject({
      value: 25,
      currency: 'USD',
      content_type: 'product',
      'contents.0.id': '1234',
      'contents.0.quantity': 2,
      'contents.0.item_price': 10,
      'contents.0.category': 'foobar',
      'contents.1.id': '4642',
      'contents.1.quantity': 1,
      page_location: 'http://localhost/omnibug/providers/facebook-pixel/',
    });
    expect(beacon.isAutomatic).toBeUndefined();
  });

  it('keeps invalid JSON in cd[contents] as text with a warning (sample C6)', () => {
    const beacon = beaconOf(C6);
    expect(beacon.params.contents).toBe('x[{"id":"1234","quantity":2,"item_price":10}]');
    expect(beacon.params.value).toBe(20);
    expect(beacon.warnings).toEqual([
      {
        code: 'invalid_json',
        message: 'cd[contents] is not valid JSON; kept as text',
        key: 'cd[contents]',
      },
    ]);
  });

  it('reads a pasted PageView (sample C7)', () => {
    expect(beaconOf(C7)).toMatchObject({
      accountId: '992980065451679',
      name: 'PageView',
      params: {
        page_location: 'https://www.crowdstrike.com/en-us/',
        fbp: 'fb.1.1700000000000.1234567890123456789',
      },
    });
  });

  it('reads a POST form body and marks Microdata as automatic', () => {
    const decoded = decodeRequest({
      url: 'https://www.facebook.com/tr/',
      body: 'id=1&ev=Microdata&cd%5BDataLayer%5D=%5B%5D&ud[em]=abc',
      method: 'POST',
    });
    expect(decoded.kind === 'vendor' && decoded.beacon).toMatchObject({
      accountId: '1',
      name: 'Microdata',
      isAutomatic: true,
      params: { DataLayer: '[]', 'user_data.em': 'abc' },
    });
  });
});
