import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  batchedBodyA26,
  batchedUrlA26,
  floodlightActivityC3,
  googleAdsConversionC1,
  metaPixelPurchaseC5,
  pastedPageViewA22,
  purchaseA28,
  universalAnalyticsPageviewB1,
  userIdPageViewA4,
} from './corpus-samples.js';
import { makeScratchDirectory, parseStdout, rowsNamedBy, runCli } from './run-cli.js';

interface DecodedEvent {
  name: string | null;
  params: Record<string, unknown>;
  items: Record<string, unknown>[];
  userProperties: Record<string, unknown>;
  consent: Record<string, unknown>;
  ids: Record<string, unknown>;
  page: Record<string, unknown>;
  warnings: { code: string }[];
  raw: Record<string, string>;
  lineIndex: number;
  endpoint: string;
}

interface DecodeOutput {
  events: DecodedEvent[];
  beacon?: { vendor: string; name?: string; accountId?: string; params: Record<string, unknown> };
}

// The item keys GA4 exports (README, `tagwarden decode`); anything else is a custom parameter.
const ga4ItemKeys = new Set([
  'item_id',
  'item_name',
  'affiliation',
  'coupon',
  'discount',
  'index',
  'item_brand',
  'item_category',
  'item_category2',
  'item_category3',
  'item_category4',
  'item_category5',
  'item_list_id',
  'item_list_name',
  'item_variant',
  'location_id',
  'price',
  'quantity',
  'promotion_id',
  'promotion_name',
  'creative_name',
  'creative_slot',
]);

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

function decode(args: string[]): DecodeOutput {
  const run = runCli(['decode', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return parseStdout<DecodeOutput>(run);
}

describe('tagwarden decode, JSON', () => {
  let output: DecodeOutput;
  let purchase: DecodedEvent | undefined;
  beforeAll(() => {
    output = decode([purchaseA28]);
    purchase = output.events[0];
  });

  it('prints exactly {"events": [...]} for a GA4 hit', () => {
    expect(Object.keys(output)).toEqual(['events']);
    expect(output.events).toHaveLength(1);
  });

  it('gives every event the documented keys', () => {
    for (const key of ['name', 'params', 'items', 'userProperties', 'consent', 'ids', 'page']) {
      expect(purchase).toHaveProperty(key);
    }
    expect(purchase?.warnings).toEqual([]);
    expect(purchase?.ids).toMatchObject({
      measurementId: 'G-ABC123',
      clientId: '111111121.1700000021',
      sessionId: '1766755460',
    });
    expect(purchase?.page).toMatchObject({
      location: 'https://www.example.com/?g=123123',
      title: 'Example Domain',
    });
  });

  it('pins the A28 purchase: currency, number value and the first-party endpoint', () => {
    expect(purchase?.name).toBe('purchase');
    expect(purchase?.params).toMatchObject({
      currency: 'USD',
      value: 72.05,
      transaction_id: 'T_12345',
      customer_type: 'new',
    });
    expect(purchase?.userProperties).toEqual({});
    // gcd=13l3l3l3l1l1: the letter `l` means the signal was never set, so nothing is granted.
    expect(purchase?.consent).toMatchObject({
      gcd: '13l3l3l3l1l1',
      ad_storage: { raw: 'l', effective: 'unset', source: 'gcd' },
    });
    expect(purchase?.endpoint).toBe('sst.example.test/g/collect');
  });

  it('decodes both items with GA4 key names, numbers as numbers and the custom item parameter', () => {
    expect(purchase?.items).toHaveLength(2);
    expect(purchase?.items[0]).toMatchObject({
      item_id: 'SKU_12345',
      item_name: 'Stan and Friends Tee',
      price: 10.01,
      quantity: 3,
      google_business_vertical: 'retail',
    });
    expect(purchase?.items[1]).toMatchObject({
      item_id: 'SKU_12346',
      item_name: "Google Grey Women's Tee",
      price: 21.01,
      quantity: 2,
      promotion_id: 'P_12345',
      promotion_name: 'Summer Sale',
      google_business_vertical: 'retail',
    });
    for (const item of purchase?.items ?? []) {
      const custom = Object.keys(item).filter((key) => !ga4ItemKeys.has(key));
      expect(custom).toEqual(['google_business_vertical']);
    }
  });

  it('keeps the user id when the hit carries one (A4, uid)', () => {
    const [pageView] = decode([userIdPageViewA4]).events;

    expect(pageView?.ids).toMatchObject({ userId: 'user@example.com' });
  });
});

describe('tagwarden decode --body', () => {
  it('yields one event per line of a CR LF batched body, with the URL shared under each (A26)', () => {
    const body = scratch.write('a26-body.txt', batchedBodyA26);

    const { events } = decode([batchedUrlA26, '--body', body]);

    expect(events.map((event) => event.name)).toEqual(['scroll', 'page_view']);
    expect(events.map((event) => event.lineIndex)).toEqual([0, 1]);
    expect(events[0]?.params).toMatchObject({ percent_scrolled: 90 });
    expect(events[0]?.page).not.toHaveProperty('referrer');
    expect(events[1]?.page).toMatchObject({ referrer: 'https://factors-site.example/en' });
    for (const event of events) {
      expect(event.ids).toMatchObject({
        clientId: '111111119.1700000019',
        sessionId: '1777279727',
      });
    }
  });

  it('exits 2 naming a --body file that does not exist', () => {
    const missing = `${scratch.path}/no-such-body.txt`;

    const run = runCli(['decode', batchedUrlA26, '--body', missing]);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toMatch(/→ .+/);
  });
});

describe('tagwarden decode, pasted and other requests', () => {
  it('undoes &amp;amp; in a pasted URL and decodes it like the clean URL (A22)', () => {
    const pasted = decode([pastedPageViewA22]).events;
    const clean = decode([pastedPageViewA22.replaceAll('&amp;amp;', '&')]).events;

    expect(pasted).toHaveLength(1);
    expect(pasted[0]).toMatchObject({
      name: 'page_view',
      ids: { measurementId: 'G-ZKTET1D58V', clientId: '111111116.1700000016' },
      page: { location: 'https://www.crowdstrike.com/en-us/' },
    });
    expect(Object.keys(pasted[0]?.raw ?? {}).filter((key) => key.includes('amp;'))).toEqual([]);
    expect(pasted[0]?.params).toEqual(clean[0]?.params);
    expect(pasted[0]?.ids).toEqual(clean[0]?.ids);
  });

  it.each(
    rowsNamedBy('beacon', [
      {
        beacon: 'a Meta pixel Purchase (C5)',
        url: metaPixelPurchaseC5,
        vendor: 'meta-pixel',
        name: 'Purchase',
      },
      {
        beacon: 'a Google Ads conversion (C1)',
        url: googleAdsConversionC1,
        vendor: 'google-ads',
        name: 'purchase',
      },
      {
        beacon: 'a Floodlight activity (C3)',
        url: floodlightActivityC3,
        vendor: 'floodlight',
        name: 'group1/thank123',
      },
      {
        beacon: 'a Universal Analytics pageview (B1)',
        url: universalAnalyticsPageviewB1,
        vendor: 'universal-analytics',
        name: 'pageview',
      },
    ]),
  )('prints {"events":[],"beacon":…} for %s', (_, { url, vendor, name }) => {
    const output = decode([url]);

    expect(Object.keys(output).sort()).toEqual(['beacon', 'events']);
    expect(output.events).toEqual([]);
    expect(output.beacon).toMatchObject({ vendor, name });
  });

  it('decodes the Meta pixel purchase values, including the JSON in cd[contents] (C5)', () => {
    const { beacon } = decode([metaPixelPurchaseC5]);

    expect(beacon?.accountId).toBe('123456');
    expect(beacon?.params).toMatchObject({
      value: 25,
      currency: 'USD',
      'contents.0.id': '1234',
      'contents.1.quantity': 1,
    });
  });

  it.each(
    rowsNamedBy('lookAlike', [
      {
        lookAlike: 'a collect path on a site of its own',
        url: 'https://www.example.com/collect?a=1',
      },
      {
        lookAlike: 'the analytics.js script',
        url: 'https://www.google-analytics.com/analytics.js',
      },
      { lookAlike: 'a page named collect', url: 'https://www.example.com/g/collect.html' },
      { lookAlike: 'an empty argument', url: '' },
    ]),
  )('exits 2 on %s, naming the input and what to pass instead', (_, { url }) => {
    const run = runCli(['decode', url]);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`not an analytics request tagwarden recognises: ${url}`);
    expect(run.stderr).toMatch(/→ Pass a GA4 \/g\/collect URL/);
  });
});

describe('tagwarden decode --format table', () => {
  it('prints one readable row per value of a GA4 event', () => {
    const run = runCli(['decode', purchaseA28, '--format', 'table']);

    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('{')).toBe(false);
    expect(run.stdout).toMatch(/^── event 1\/1: purchase {2}\(sst\.example\.test\/g\/collect\)$/m);
    expect(run.stdout).toMatch(/^ {2}id\.measurementId +G-ABC123$/m);
    expect(run.stdout).toMatch(/^ {2}page\.title +Example Domain$/m);
    expect(run.stdout).toMatch(/^ {2}param\.value +72\.05$/m);
    expect(run.stdout).toMatch(/^ {2}item\[1\]\.item_name +Google Grey Women's Tee$/m);
    expect(run.stdout).toMatch(/^ {2}item\[1\]\.google_business_vertical +retail$/m);
  });

  it('prints a vendor beacon with its account and parameters', () => {
    const run = runCli(['decode', metaPixelPurchaseC5, '--format', 'table']);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^── meta-pixel beacon: Purchase {2}\(www\.facebook\.com\/tr\/\)$/m);
    expect(run.stdout).toMatch(/^ {2}account +123456$/m);
    expect(run.stdout).toMatch(/^ {2}param\.currency +USD$/m);
  });

  it('prints one block per event of a batched body', () => {
    const body = scratch.write('a26-table-body.txt', batchedBodyA26);

    const run = runCli(['decode', batchedUrlA26, '--body', body, '--format', 'table']);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^── event 1\/2: scroll /m);
    expect(run.stdout).toMatch(/^── event 2\/2: page_view /m);
    expect(run.stdout).toMatch(/^ {2}page\.referrer +https:\/\/factors-site\.example\/en$/m);
  });
});
