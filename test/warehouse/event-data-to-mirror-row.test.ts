import { describe, expect, it } from 'vitest';
import { eventDataToMirrorRow } from '../../shared/warehouse/event-data-to-mirror-row.js';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';
import type { MirrorContext } from '../../shared/warehouse/mirror-row.js';
import { RECEIVED_AT, cellWith, paramOf } from './mirror-test-rows.js';

const serverContext: MirrorContext = {
  source: 'server_mirror',
  receivedAt: RECEIVED_AT,
  templateVersion: '0.1.0',
};

/**
 * Event data as the sGTM GA4 client builds it for the A28 purchase (common event data keys of
 * gtm-templates notes §3.4, the keys real server templates read, and the internal `x-ga-*` keys).
 */
function purchaseEventData(): Record<string, unknown> {
  return {
    event_name: 'purchase',
    client_id: '111111121.1700000021',
    'x-ga-measurement_id': 'G-ABC123',
    'x-ga-page_id': 1766755449798,
    'x-ga-request_count': 2,
    'x-ga-gcs': 'G101',
    'x-ga-gcd': '13r3r3r2r5l1',
    'x-ga-protocol_version': '2',
    'x-ga-system_properties': { u: '1' },
    ip_override: '203.0.113.7',
    user_agent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
      'Chrome/131.0.0.0 Safari/537.36',
    language: 'en-us',
    screen_resolution: '1920x1080',
    page_location: 'https://www.example.com/checkout?utm_source=newsletter&utm_medium=email',
    page_title: 'Checkout',
    page_hostname: 'www.example.com',
    page_path: '/checkout',
    ga_session_id: '1766755460',
    ga_session_number: 2,
    engagement_time_msec: 1200,
    currency: 'USD',
    value: 72.05,
    transaction_id: 'T_12345',
    shipping: 5.99,
    tax: 3.6,
    'user_data.email_address': 'someone@example.com',
    user_data: { sha256_email_address: 'ab12' },
    user_properties: { customer_tier: 'gold', lifetime_orders: 3 },
    event_location: { country: 'DE', region: 'DE-BE' },
    items: [
      { item_id: 'SKU_12345', item_name: 'Stan and Friends Tee', price: 10.01, quantity: 3 },
      { item_id: 'SKU_12346', price: '21.01', quantity: 2, item_color: 'gray' },
    ],
  };
}

describe('eventDataToMirrorRow on server-side GTM event data', () => {
  it('fills every column, with the export fields the GA4 hit would give', () => {
    const row = eventDataToMirrorRow(purchaseEventData(), serverContext);

    expect(Object.keys(row ?? {})).toEqual(MIRROR_COLUMNS.map((column) => column.name));
    expect(row).toMatchObject({
      event_name: 'purchase',
      event_date: '20250314',
      user_pseudo_id: '111111121.1700000021',
      measurement_id: 'G-ABC123',
      source: 'server_mirror',
      template_version: '0.1.0',
      batch_page_id: 1766755449798,
      batch_ordering_id: 2,
      event_value_in_usd: 72.05,
      privacy_info: { analytics_storage: 'Yes', ads_storage: 'No', uses_transient_token: 'No' },
      ecommerce: { transaction_id: 'T_12345', purchase_revenue: 72.05, total_item_quantity: 5 },
      collected_traffic_source: { manual_source: 'newsletter', manual_medium: 'email' },
      device: { browser: 'Chrome', operating_system: 'Windows', language: 'en-us' },
    });
    expect(paramOf(row!, 'ga_session_id')).toEqual(cellWith('int_value', 1766755460));
    expect(paramOf(row!, 'engagement_time_msec')).toEqual(cellWith('int_value', 1200));
  });

  it('never stores the IP address, user data or location the event data carries', () => {
    const text = JSON.stringify(eventDataToMirrorRow(purchaseEventData(), serverContext));
    for (const secret of ['203.0.113.7', 'someone@example.com', 'ab12', 'DE-BE']) {
      expect(text).not.toContain(secret);
    }
  });

  it('keeps internal x-ga-* keys out of event_params', () => {
    const row = eventDataToMirrorRow(purchaseEventData(), serverContext);
    expect(
      row?.event_params.map((param) => param.key).filter((key) => key.startsWith('x-')),
    ).toEqual([]);
  });

  it('types items as the export does, a text price read as a number, extras in item_params', () => {
    const [, second] = eventDataToMirrorRow(purchaseEventData(), serverContext)?.items ?? [];
    expect(second).toMatchObject({
      item_id: 'SKU_12346',
      price: 21.01,
      quantity: 2,
      item_revenue: 42.02,
    });
    expect(second?.item_params).toEqual([
      { key: 'item_color', value: cellWith('string_value', 'gray') },
    ]);
  });

  it('hashes the event data into the same event_id whatever the key order', () => {
    const data = purchaseEventData();
    const reversed = Object.fromEntries(Object.entries(data).reverse());
    const first = eventDataToMirrorRow(data, serverContext);
    const second = eventDataToMirrorRow(reversed, {
      ...serverContext,
      receivedAt: RECEIVED_AT + 9,
    });
    expect(second?.event_id).toBe(first?.event_id);
    expect(eventDataToMirrorRow({ ...data, value: 72.06 }, serverContext)?.event_id).not.toBe(
      first?.event_id,
    );
  });

  it('takes the event_id parameter as the join key when the site sends one', () => {
    const row = eventDataToMirrorRow(
      { ...purchaseEventData(), event_id: 'order-T_12345' },
      serverContext,
    );
    expect(row?.event_id).toBe('order-T_12345');
  });

  it.each([
    ['no event_name', {}],
    ['an empty event_name', { event_name: '' }],
    ['a numeric event_name', { event_name: 7 }],
  ])('returns null for %s', (_label, data) => {
    expect(eventDataToMirrorRow(data, serverContext)).toBeNull();
  });
});
