import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { recogniseGa4Request } from '../../shared/ga4/recognise-ga4-request.js';
import { splitUrl } from '../../shared/text/split-url.js';
import { unescapeHtmlAmpersands } from '../../shared/text/unescape-html-ampersands.js';
import type { Capture } from './fixtures/capture.js';
import * as partA from './fixtures/part-a-ga4-beacons.js';
import * as partB from './fixtures/part-b-universal-analytics.js';
import * as partC from './fixtures/part-c-ads-and-pixels.js';

const captures = [partA, partB, partC].flatMap((part) =>
  Object.values(part).filter((value): value is Capture => typeof value === 'object'),
);

/** What each corpus capture is, as far as GA4 goes; the rest of Parts B and C is 'none'. */
const EXPECTED_KIND: Record<string, string> = {
  A31: 'auxiliary:signals-ping',
  A32: 'auxiliary:remarketing-user-list',
  A33: 'auxiliary:ads-cookie-measurement',
  B4: 'auxiliary:ua-audiences',
};

function recognise(url: string): string {
  const recognition = recogniseGa4Request(splitUrl(url));
  return recognition.kind === 'auxiliary'
    ? `auxiliary:${recognition.request.kind}`
    : recognition.kind;
}

describe('recogniseGa4Request', () => {
  it.each(captures.map((capture) => [capture.id, capture] as const))(
    'classifies corpus capture %s',
    (id, capture) => {
      const url = capture.isPasted === true ? unescapeHtmlAmpersands(capture.url) : capture.url;
      const fallback = id.startsWith('A') ? 'collect' : 'none';
      expect(recognise(url)).toBe(EXPECTED_KIND[id] ?? fallback);
    },
  );

  it.each([
    [
      'a first-party host under a path prefix',
      'https://sgtm.example/metrics/g/collect?v=2&en=x',
      'collect',
    ],
    ['a relative path without leading slash', 'g/collect?v=2&tid=G-1', 'collect'],
    [
      'www.google.com/g/collect (sample A34)',
      'https://www.google.com/g/collect?v=2&tid=G-1',
      'collect',
    ],
    [
      'a GA4-shaped query on another path (sample A15)',
      'https://a.example/x?tid=G-1&v=2',
      'collect',
    ],
    ['a bare GA4 query string', 'v=2&tid=G-ABC&en=page_view', 'collect'],
    [
      'Universal Analytics on /g/collect, classified by v (§3.10)',
      'https://www.google-analytics.com/g/collect?v=1&t=pageview&tid=UA-1-1',
      'none',
    ],
    ['a v=2 query with a UA property', 'https://a.example/collect?v=2&tid=UA-1-1', 'none'],
    [
      'a clarity.ms look-alike (Omnibug exclusion)',
      'https://x.clarity.ms/g/collect?v=2&tid=G-1',
      'none',
    ],
    [
      'the Measurement Protocol',
      'https://www.google-analytics.com/mp/collect?measurement_id=G-1&api_secret=s',
      'measurement-protocol',
    ],
    [
      'the Measurement Protocol debug endpoint',
      'https://www.google-analytics.com/debug/mp/collect?measurement_id=G-1',
      'measurement-protocol',
    ],
    [
      'the tag diagnostics ping',
      'https://www.googletagmanager.com/a?id=G-1&v=3&t=t',
      'auxiliary:tag-diagnostics',
    ],
    [
      'a gtag script load',
      'https://www.googletagmanager.com/gtag/js?id=G-1',
      'auxiliary:tag-script',
    ],
    [
      'a gtag destination load',
      'https://www.googletagmanager.com/gtag/destination?id=G-1',
      'auxiliary:tag-script',
    ],
    [
      'an Ads remarketing list',
      'https://td.doubleclick.net/td/rul/797629828?random=1',
      'auxiliary:ads-user-list',
    ],
    [
      'an Ads 1p user list',
      'https://www.google.com/pagead/1p-user-list/797629828/?random=1',
      'auxiliary:ads-user-list',
    ],
    [
      'ccm/collect on a country domain',
      'https://www.google.de/ccm/collect?tid=AW-1&en=page_view',
      'auxiliary:ads-cookie-measurement',
    ],
    ['an unrelated request', 'https://example.com/api/items?id=3', 'none'],
  ])('recognises %s', (_, url, expected) => {
    expect(recognise(url)).toBe(expected);
  });

  it('names the tag an auxiliary request belongs to', () => {
    const recognition = recogniseGa4Request(
      splitUrl('https://td.doubleclick.net/td/rul/797629828?x=1'),
    );
    expect(recognition).toEqual({
      kind: 'auxiliary',
      request: {
        layer: 'other',
        vendor: 'google-auxiliary',
        kind: 'ads-user-list',
        endpoint: 'td.doubleclick.net/td/rul/797629828',
        measurementId: 'AW-797629828',
      },
    });
  });
});

describe('the base64 loader form (protocol §1.2)', () => {
  const wrapped = btoa(partA.A27.url);
  const encoded = encodeURIComponent(wrapped);

  it('is built from a real capture whose base64 needs %2B and %3D', () => {
    expect(encoded).toContain('%2B');
    expect(encoded).toContain('%3D');
  });

  it('decodes to the same event as the plain hit, under any parameter name', () => {
    const [plain] = decodeCollectHit(partA.A27.url);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,16}$/), (name) => {
        const url = `https://analytics.example.com/collect?${name}=${encoded}`;
        const decoded = decodeRequest({ url, method: 'GET' });
        expect(decoded).toMatchObject({ kind: 'ga4', protocol: 'gtag', isBase64Wrapped: true });
        const events = decoded.kind === 'ga4' ? decoded.events : [];
        expect(events).toEqual([{ ...plain, endpoint: 'analytics.example.com/collect' }]);
      }),
      { numRuns: 25 },
    );
  });

  it('also accepts the URL-safe alphabet without padding', () => {
    const urlSafe = wrapped.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    const decoded = decodeRequest({ url: `https://a.example/p?e44f730e=${urlSafe}` });
    expect(decoded.kind === 'ga4' && decoded.events[0]?.name).toBe('page_view');
  });

  it.each([
    ['a second parameter', `https://a.example/collect?e=${encoded}&x=1`],
    ['base64 of something else', `https://a.example/collect?e=${btoa('/api/items?id=1')}`],
    ['a value that is not base64', 'https://a.example/collect?e=L2cv!!'],
  ])('is not assumed with %s', (_, url) => {
    expect(recognise(url)).toBe('none');
  });
});
