import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { Ga4Event } from '../../shared/events/event-types.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import type { MirrorContext } from '../../shared/warehouse/mirror-row.js';
import { A28, A6 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { greyWomensTee, stanAndFriendsTee } from '../fixtures/google-example-item.js';
import { decodeMirrorHits, type MirrorHit } from './decode-mirror-hits.js';
import { encodeGtagHit } from './encode-gtag-hit.js';
import { MIRROR_TEST_TIME, runWebMirror } from './mirror-runtime.js';
import { mirrorSetupFor, thirtyItemPurchase, type MirrorSetup } from './web-mirror-setups.js';

/** The one GA4 event a request decodes to. */
function ga4EventOf(url: string): Ga4Event {
  const decoded = decodeRequest({ url });
  if (decoded.kind !== 'ga4' || decoded.events.length !== 1)
    throw new Error(`${url}: not one event`);
  return decoded.events[0]!;
}

async function mirrorOf(setup: MirrorSetup): Promise<{ hits: MirrorHit[]; urls: string[] }> {
  const { run, urls } = await runWebMirror(setup.data, setup.page);
  expect(run.errors).toEqual([]);
  expect(run.outcome).toBe('succeeded');
  return { hits: decodeMirrorHits(urls), urls };
}

/**
 * Every field the GA4 hit and the mirror hit both carry, side by side. The mirror adds its
 * join key (`event_id`); gtag's hit bookkeeping (`_p`, `_s`, `_et`, client hints…) is not part
 * of the mirror and not compared.
 */
function sharedFields(event: Ga4Event, isMirror: boolean) {
  const params = { ...event.params };
  if (isMirror) delete params.event_id;
  return {
    name: event.name,
    params,
    items: event.items,
    userProperties: event.userProperties,
    measurementId: event.ids.measurementId,
    clientId: event.ids.clientId,
    sessionId: event.ids.sessionId,
    sessionCount: event.ids.sessionCount,
    userId: event.ids.userId,
    isEngaged: event.session.engaged,
    page: { location: event.page.location, title: event.page.title, referrer: event.page.referrer },
  };
}

describe('the web mirror sends what the GA4 tag sends', () => {
  it.each([
    ['A6, an add_to_cart with Google’s example item, GS1.1 session cookie', A6, 'GS1' as const],
    ['A28, a purchase with promotion and custom item fields, GS2.1 cookie', A28, 'GS2' as const],
  ])('mirrors %s field for field', async (_label, capture, cookieFormat) => {
    const ga4 = ga4EventOf(capture.url);

    const { hits } = await mirrorOf(mirrorSetupFor(ga4, cookieFormat));

    expect(hits).toHaveLength(1);
    const [mirrored] = hits[0]!.events;
    expect(sharedFields(mirrored!, true)).toEqual(sharedFields(ga4, false));
    expect(mirrored!.warnings).toEqual([]);
    if (ga4.consent.gcs !== undefined) expect(mirrored!.consent.gcs).toBe(ga4.consent.gcs);
  });

  it('keeps the types gtag gives parameters: numbers stay numbers, text stays text', async () => {
    const ga4 = ga4EventOf(A28.url);

    const { hits } = await mirrorOf(mirrorSetupFor(ga4, 'GS2'));

    const params = hits[0]!.events[0]!.params;
    expect(params).toMatchObject({ value: 72.05, tax: 3.6, transaction_id: 'T_12345' });
    expect(hits[0]!.events[0]!.items).toEqual([
      { ...stanAndFriendsTee, google_business_vertical: 'retail' },
      greyWomensTee,
    ]);
  });

  it('mirrors a purchase with 30 items across split requests, no item lost', async () => {
    const purchase = thirtyItemPurchase();
    const ga4 = ga4EventOf(encodeGtagHit(purchase));

    const { hits, urls } = await mirrorOf(mirrorSetupFor(ga4, 'GS2'));

    expect(urls.length).toBeGreaterThan(1);
    expect(Math.max(...urls.map((url) => url.length))).toBeLessThanOrEqual(8000);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.requests).toBe(urls.length);
    const [mirrored] = hits[0]!.events;
    expect(mirrored!.items).toHaveLength(30);
    expect(sharedFields(mirrored!, true)).toEqual(sharedFields(ga4, false));
  });

  it('marks every request as web mirror traffic from this template version', async () => {
    const { hits } = await mirrorOf(
      mirrorSetupFor(ga4EventOf(encodeGtagHit(thirtyItemPurchase())), 'GS1'),
    );

    expect(hits.map((hit) => [hit.source, hit.templateVersion])).toEqual([['web_mirror', '1.0.0']]);
  });
});

describe('the rows the collector stores from the mirror and from GA4', () => {
  const context: MirrorContext = { source: 'collector', receivedAt: MIRROR_TEST_TIME };

  it('agree on every column both fill, the join key aside', async () => {
    const ga4 = ga4EventOf(A28.url);
    const { hits } = await mirrorOf(mirrorSetupFor(ga4, 'GS2'));

    const fromGa4 = ga4EventToMirrorRow(ga4, context)!;
    const fromMirror = ga4EventToMirrorRow(hits[0]!.events[0]!, {
      ...context,
      source: 'web_mirror',
    })!;

    for (const column of [
      'event_name',
      'user_pseudo_id',
      'user_first_touch_timestamp',
      'user_properties',
      'items',
      'ecommerce',
      'event_value_in_usd',
      'event_dimensions',
      'collected_traffic_source',
      'stream_id',
    ] as const) {
      expect(fromMirror[column], column).toEqual(fromGa4[column]);
    }
    const keysOf = (row: typeof fromGa4) => row.event_params.map((param) => param.key);
    const shared = keysOf(fromGa4).filter((key) => keysOf(fromMirror).includes(key));
    const valuesOf = (row: typeof fromGa4) =>
      row.event_params.filter((param) => shared.includes(param.key));
    expect(valuesOf(fromMirror)).toEqual(valuesOf(fromGa4));
    expect(keysOf(fromMirror).filter((key) => !shared.includes(key))).toEqual(['event_id']);
    expect(fromMirror.event_id).toBe(hits[0]!.events[0]!.params.event_id);
  });
});
