import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';

const URL = 'https://www.google-analytics.com/mp/collect?measurement_id=G-ABC123&api_secret=s3cr3t';

/** The shape of Google's documented Measurement Protocol example, with two events. */
const BODY = JSON.stringify({
  client_id: '123456.7654321',
  user_id: 'u-1',
  timestamp_micros: 1700000000000000,
  user_properties: { plan: { value: 'pro' }, visits: { value: 3 } },
  consent: { ad_user_data: 'GRANTED', ad_personalization: 'DENIED' },
  events: [
    {
      name: 'purchase',
      params: {
        currency: 'USD',
        value: 30.03,
        transaction_id: 'T_1',
        session_id: '1700000000',
        engagement_time_msec: 100,
        debug_mode: true,
        items: [{ item_id: 'SKU_1', price: 10.01, quantity: 3, color: { name: 'green' } }],
      },
    },
    { name: 'page_view', params: { page_location: 'https://example.com/' } },
  ],
});

describe('the JSON Measurement Protocol (/mp/collect)', () => {
  it('decodes each entry of events as one GA4 event', () => {
    const decoded = decodeRequest({ url: URL, body: BODY, method: 'POST' });
    expect(decoded).toMatchObject({ kind: 'ga4', protocol: 'measurement-protocol' });
    const events = decoded.kind === 'ga4' ? decoded.events : [];
    expect(events.map((event) => [event.name, event.lineIndex])).toEqual([
      ['purchase', 0],
      ['page_view', 1],
    ]);
    expect(events[0]).toMatchObject({
      endpoint: 'www.google-analytics.com/mp/collect',
      params: {
        currency: 'USD',
        value: 30.03,
        transaction_id: 'T_1',
        session_id: '1700000000',
        engagement_time_msec: 100,
        debug_mode: 'true',
      },
      items: [{ item_id: 'SKU_1', price: 10.01, quantity: 3, color: '{"name":"green"}' }],
      userProperties: { plan: 'pro', visits: 3 },
      ids: {
        measurementId: 'G-ABC123',
        clientId: '123456.7654321',
        userId: 'u-1',
        sessionId: '1700000000',
      },
      session: { engagementTimeMs: 100 },
      unknown: {
        consent: '{"ad_user_data":"GRANTED","ad_personalization":"DENIED"}',
        timestamp_micros: '1700000000000000',
      },
      warnings: [],
    });
    expect(events[1]?.page.location).toBe('https://example.com/');
  });

  it('never copies the api_secret into the event', () => {
    const decoded = decodeRequest({ url: URL, body: BODY });
    expect(JSON.stringify(decoded)).not.toContain('s3cr3t');
  });

  it.each([
    ['an invalid body', 'not json', ['invalid_json', 'missing_event_name']],
    ['a body without events', '{"client_id":"1"}', ['missing_event_name']],
    ['no body at all', undefined, ['invalid_json', 'missing_event_name']],
  ])('turns %s into one nameless event with warnings', (_, body, codes) => {
    const decoded = decodeRequest({ url: URL, body });
    const events = decoded.kind === 'ga4' ? decoded.events : [];
    expect(events).toHaveLength(1);
    expect(events[0]?.name).toBeNull();
    expect(events[0]?.warnings.map((warning) => warning.code).sort()).toEqual(codes.sort());
  });
});
