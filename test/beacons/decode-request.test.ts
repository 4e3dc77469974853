import { describe, expect, it } from 'vitest';
import { decodeRequest, type DecodedRequest } from '../../shared/beacons/decode-request.js';
import type { Capture } from '../ga4/fixtures/capture.js';
import * as partA from '../ga4/fixtures/part-a-ga4-beacons.js';
import * as partB from '../ga4/fixtures/part-b-universal-analytics.js';
import * as partC from '../ga4/fixtures/part-c-ads-and-pixels.js';

function decodeCapture(capture: Capture): DecodedRequest {
  return decodeRequest(
    { url: capture.url, body: capture.body, method: capture.method },
    { pasted: capture.isPasted === true },
  );
}

/** One line per capture: what it is, whose it is, and what happened. */
function describeDecoded(decoded: DecodedRequest): string {
  switch (decoded.kind) {
    case 'ga4':
      return `ga4 ${decoded.events.map((event) => event.name ?? '(none)').join(',')}`;
    case 'vendor':
      return `${decoded.beacon.vendor} ${decoded.beacon.accountId ?? '-'} ${decoded.beacon.name ?? '(none)'}`;
    case 'auxiliary':
      return `auxiliary ${decoded.request.kind} ${decoded.request.measurementId ?? '-'}`;
    case 'unrecognised':
      return 'unrecognised';
  }
}

const EXPECTED: Array<[Capture, string]> = [
  [partA.A1, 'ga4 user_engagement'],
  [partA.A3, 'ga4 page_view,scroll'],
  [partA.A4, 'ga4 (none)'],
  [partA.A5, 'ga4 page_view'],
  [partA.A15, 'ga4 page_view'],
  [partA.A22, 'ga4 page_view'],
  [partA.A26, 'ga4 scroll,page_view'],
  [partA.A27, 'ga4 page_view'],
  [partA.A31, 'auxiliary signals-ping G-WCN3C8KG6R'],
  [partA.A32, 'auxiliary remarketing-user-list G-WCN3C8KG6R'],
  [partA.A33, 'auxiliary ads-cookie-measurement AW-797629828'],
  [partA.A34, 'ga4 (none)'],
  [partB.B1, 'universal-analytics UA-17508125-8 pageview'],
  [partB.B2, 'universal-analytics UA-49796218-30 event'],
  [partB.B3, 'universal-analytics UA-48546849-2 pageview'],
  [partB.B4, 'auxiliary ua-audiences UA-26179049-1'],
  [partB.B5, 'universal-analytics UA-32633028-1 event'],
  [partC.C1, 'google-ads 1111111 purchase'],
  [partC.C2, 'google-ads 797629828 gtag.config'],
  [partC.C3, 'floodlight 1234567 group1/thank123'],
  [partC.C4, 'auxiliary floodlight-redirect DC-12037336'],
  [partC.C4b, 'auxiliary floodlight-redirect DC-12037336'],
  [partC.C5, 'meta-pixel 123456 Purchase'],
  [partC.C6, 'meta-pixel 123456 Purchase'],
  [partC.C7, 'meta-pixel 992980065451679 PageView'],
];

describe('decodeRequest', () => {
  it.each(EXPECTED.map(([capture, expected]) => [capture.id, expected, capture] as const))(
    'decodes capture %s as: %s',
    (_, expected, capture) => {
      expect(describeDecoded(decodeCapture(capture))).toBe(expected);
    },
  );

  it('covers every capture of Parts A, B and C', () => {
    const all = [partA, partB, partC].flatMap((part) =>
      Object.values(part).filter((value): value is Capture => typeof value === 'object'),
    );
    for (const capture of all) {
      expect(decodeCapture(capture).kind).not.toBe('unrecognised');
    }
  });

  it('tells Universal Analytics from GA4 by v, not by path', () => {
    const ua = 'https://www.google-analytics.com/g/collect?v=1&t=pageview&tid=UA-1-1&cid=1.2';
    const ga4 = 'https://www.google-analytics.com/collect?v=2&tid=G-1&en=page_view';
    expect(describeDecoded(decodeRequest({ url: ua }))).toBe('universal-analytics UA-1-1 pageview');
    expect(describeDecoded(decodeRequest({ url: ga4 }))).toBe('ga4 page_view');
  });

  it('trims pasted text and undoes &amp;amp; in the body too', () => {
    const decoded = decodeRequest(
      { url: `  ${partA.A26.url}\n`, body: (partA.A26.body ?? '').replaceAll('&', '&amp;amp;') },
      { pasted: true },
    );
    expect(describeDecoded(decoded)).toBe('ga4 scroll,page_view');
  });

  it('leaves captured text alone: an &amp; there is data, not markup', () => {
    const decoded = decodeRequest({ url: partA.A22.url });
    expect(decoded.kind === 'ga4' && decoded.events[0]?.name).toBeNull();
  });

  it('records where the request went on every event and beacon', () => {
    const ga4 = decodeCapture(partA.A23);
    expect(ga4.kind === 'ga4' && ga4.events[0]?.endpoint).toBe(
      'gtm-abcdefg-hijkl.uc.r.appspot.com/g/collect',
    );
    const floodlight = decodeCapture(partC.C3);
    expect(floodlight.kind === 'vendor' && floodlight.beacon.endpoint).toBe(
      '1234567.fls.doubleclick.net/activityi',
    );
  });

  it.each([
    ['an unrelated API call', 'https://api.example.com/v1/items?id=3'],
    ['an empty string', ''],
    [
      'a Meta config load, not an event',
      'https://connect.facebook.net/signals/config/123?v=2.9.201',
    ],
  ])('says so for %s', (_, url) => {
    expect(decodeRequest({ url })).toEqual({ kind: 'unrecognised' });
  });
});
