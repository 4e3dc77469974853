import { describe, expect, it } from 'vitest';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import { A1, A22, A26, A27, A28, A30, A4, A5, A8 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import {
  RECEIVED_AT,
  cellWith,
  collectorContext,
  decodeCapture,
  paramOf,
  rowOf,
  rowsOf,
} from './mirror-test-rows.js';

const columnNames = MIRROR_COLUMNS.map((column) => column.name);

describe('ga4EventToMirrorRow on real hits', () => {
  it('fills every column of the mirror schema, in schema order', () => {
    for (const capture of [A1, A4, A5, A8, A22, A26, A27, A28, A30]) {
      for (const row of rowsOf(capture)) {
        expect(Object.keys(row)).toEqual(columnNames);
      }
    }
  });

  it('maps the A28 purchase to the export row analysts expect', () => {
    const row = rowOf(A28);

    expect(row).toMatchObject({
      event_date: '20250314',
      event_timestamp: RECEIVED_AT * 1000,
      event_name: 'purchase',
      user_pseudo_id: '111111121.1700000021',
      user_first_touch_timestamp: 1_700_000_021_000_000,
      stream_id: 'G-ABC123',
      measurement_id: 'G-ABC123',
      platform: 'WEB',
      source: 'collector',
      received_at: '2025-03-14T15:09:26.535Z',
      batch_page_id: 1766755449798,
      batch_ordering_id: 2,
      batch_event_index: 0,
      event_value_in_usd: 72.05,
      event_dimensions: { hostname: 'www.example.com' },
      geo: null,
    });
    expect(row.ecommerce).toEqual({
      total_item_quantity: 5,
      purchase_revenue_in_usd: 72.05,
      purchase_revenue: 72.05,
      refund_value_in_usd: null,
      refund_value: null,
      shipping_value_in_usd: 5.99,
      shipping_value: 5.99,
      tax_value_in_usd: 3.6,
      tax_value: 3.6,
      unique_items: 2,
      transaction_id: 'T_12345',
    });
  });

  it('keeps every item field of A28 under its export name, custom ones in item_params', () => {
    const [first, second] = rowOf(A28).items;

    expect(first).toMatchObject({
      item_id: 'SKU_12345',
      item_name: 'Stan and Friends Tee',
      affiliation: 'Google Merchandise Store',
      coupon: 'SUMMER_FUN',
      item_brand: 'Google',
      item_category: 'Apparel',
      item_category5: 'Short sleeve',
      item_list_id: 'related_products',
      item_list_name: 'Related Products',
      item_list_index: '0',
      item_variant: 'green',
      location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
      price: 10.01,
      price_in_usd: 10.01,
      quantity: 3,
      item_revenue: 30.03,
    });
    expect(first?.item_params).toEqual([
      { key: 'discount', value: cellWith('double_value', 2.22) },
      { key: 'google_business_vertical', value: cellWith('string_value', 'retail') },
    ]);
    expect(second).toMatchObject({ promotion_id: 'P_12345', promotion_name: 'Summer Sale' });
  });

  it.each([
    ['a whole epn. number', 'percent_scrolled', A26, cellWith('int_value', 90)],
    ['a fractional epn. number', 'value', A28, cellWith('double_value', 72.05)],
    ['an ep. text', 'transaction_id', A28, cellWith('string_value', 'T_12345')],
    ['the session id from sid', 'ga_session_id', A28, cellWith('int_value', 1766755460)],
    ['the session count from sct', 'ga_session_number', A28, cellWith('int_value', 2)],
    ['seg as the text 0/1', 'session_engaged', A28, cellWith('string_value', '0')],
    [
      'dl as page_location',
      'page_location',
      A28,
      cellWith('string_value', 'https://www.example.com/?g=123123'),
    ],
    ['cu as currency', 'currency', A28, cellWith('string_value', 'USD')],
  ])('types %s the way the GA4 export does', (_label, key, capture, expected) => {
    const rows = rowsOf(capture);
    const values = rows.map((row) => paramOf(row, key)).filter((value) => value !== undefined);
    expect(values[0]).toEqual(expected);
  });

  it('keeps ep.value=7630 as text: the wire said string, and a plan should see it', () => {
    const stringValue = { ...A28, url: A28.url.replace('epn.value=72.05', 'ep.value=7630') };
    const row = rowOf(stringValue);
    expect(paramOf(row, 'value')).toEqual(cellWith('string_value', '7630'));
    expect(row.ecommerce?.purchase_revenue).toBe(7630);
  });

  it('gives each line of the A26 batch its own index and engagement time', () => {
    const [scroll, pageView] = rowsOf(A26);

    expect([scroll?.event_name, pageView?.event_name]).toEqual(['scroll', 'page_view']);
    expect([scroll?.batch_event_index, pageView?.batch_event_index]).toEqual([0, 1]);
    expect(paramOf(scroll!, 'engagement_time_msec')).toEqual(cellWith('int_value', 30));
    expect(paramOf(pageView!, 'page_referrer')).toEqual(
      cellWith('string_value', 'https://factors-site.example/en'),
    );
    expect(scroll?.event_id).not.toBe(pageView?.event_id);
  });

  it('reads consent into privacy_info: A1 denied, A5 granted, A28 without consent mode', () => {
    expect(rowOf(A1).privacy_info).toEqual({
      analytics_storage: 'No',
      ads_storage: 'No',
      uses_transient_token: 'Yes',
    });
    expect(rowOf(A5).privacy_info).toEqual({
      analytics_storage: 'Yes',
      ads_storage: 'Yes',
      uses_transient_token: 'No',
    });
    expect(rowOf(A28).privacy_info).toBeNull();
    expect(rowOf(A5).consent).toMatchObject({ gcs: 'G111', gcd: '13r3r3r2r5l1' });
  });

  it('reads the campaign of A5 from its page URL, and none from A28 (?g=123123) or A1', () => {
    expect(rowOf(A5).collected_traffic_source).toMatchObject({
      manual_campaign_id: '22133718417',
      manual_campaign_name: 'demandgenprodukte',
      manual_source: 'google',
      manual_medium: 'demandgen',
      manual_term: null,
      gclid: 'TEST-GCLID-0000',
    });
    expect(rowOf(A28).collected_traffic_source).toBeNull();
    expect(rowOf(A1).collected_traffic_source).toBeNull();
  });

  it('describes the device from client hints: A28 is Edge on macOS, A26 Chrome on Windows', () => {
    expect(rowOf(A28).device).toMatchObject({
      category: 'desktop',
      browser: 'Microsoft Edge',
      browser_version: '143.0.3650.96',
      operating_system: 'Macintosh',
      operating_system_version: '26.1.0',
      language: 'en-us',
      web_info: { browser: 'Microsoft Edge', hostname: 'www.example.com' },
    });
    expect(rowsOf(A26)[0]?.device).toMatchObject({
      browser: 'Google Chrome',
      operating_system: 'Windows',
    });
  });

  it('falls back to the User-Agent header when a hit has no client hints (A1)', () => {
    const userAgent =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 ' +
      '(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
    const row = rowOf(A1, { ...collectorContext, userAgent });
    expect(row.device).toMatchObject({
      category: 'mobile',
      browser: 'Safari',
      browser_version: '17.4',
      operating_system: 'iOS',
      operating_system_version: '17.4',
    });
  });

  it('takes user_id from uid (A4) and user properties with their set time (A27)', () => {
    const withName = { ...A4, url: `${A4.url}&en=page_view` };
    expect(rowOf(withName).user_id).toBe('user@example.com');
    expect(rowOf(A27).user_properties).toContainEqual({
      key: 'cookie_level',
      value: { ...cellWith('string_value', 'optimaal'), set_timestamp_micros: RECEIVED_AT * 1000 },
    });
  });

  it('marks debug hits with debug_mode = 1 (A30 carries _dbg=1)', () => {
    expect(paramOf(rowOf(A30), 'debug_mode')).toEqual(cellWith('int_value', 1));
    expect(paramOf(rowOf(A28), 'debug_mode')).toBeUndefined();
  });

  it('returns null for an event without a name, which GA4 does not record (A4 as captured)', () => {
    const [event] = decodeCapture(A4);
    expect(ga4EventToMirrorRow(event!, collectorContext)).toBeNull();
  });

  it('writes event_date in the configured time zone', () => {
    const lateEvening = Date.UTC(2025, 2, 14, 23, 30);
    const context = { ...collectorContext, receivedAt: lateEvening };
    expect(rowOf(A28, context).event_date).toBe('20250314');
    expect(rowOf(A28, { ...context, timeZone: 'Asia/Tokyo' }).event_date).toBe('20250315');
    expect(rowOf(A28, { ...context, timeZone: 'Not/A_Zone' }).event_date).toBe('20250314');
  });
});

describe('event_id', () => {
  it('takes the site event_id parameter when the hit carries one (A27)', () => {
    expect(rowOf(A27).event_id).toBe('1760044298197_17643404997032');
  });

  it('is the same for the same hit received twice, at another time, from another path', () => {
    const first = rowOf(A28);
    const again = rowOf(A28, { source: 'web_mirror', receivedAt: RECEIVED_AT + 5000 });
    expect(again.event_id).toBe(first.event_id);
    expect(first.event_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['another hit counter _s', (url: string) => url.replace('&_s=2&', '&_s=3&')],
    ['another page load _p', (url: string) => url.replace('_p=1766755449798', '_p=1766755449799')],
    ['another client', (url: string) => url.replace('cid=111111121', 'cid=111111122')],
  ])('differs for %s', (_label, change) => {
    expect(rowOf({ ...A28, url: change(A28.url) }).event_id).not.toBe(rowOf(A28).event_id);
  });

  it.each([['undefined'], ['null'], ['']])(
    'ignores the placeholder event_id "%s"',
    (placeholder) => {
      const row = rowOf({ ...A28, url: `${A28.url}&ep.event_id=${placeholder}` });
      expect(row.event_id).toBe(rowOf(A28).event_id);
    },
  );
});
