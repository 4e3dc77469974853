import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEACON_PROVIDERS } from '../../shared/beacons/beacon-providers.js';
import { splitUrl } from '../../shared/text/split-url.js';
import { isAnalyticsUrl } from '../../extension/src/common/is-analytics-url.js';
import { isVendorBeaconUrl } from '../../shared/beacons/vendor-url-rules.js';

/** What the decoder's providers say of a URL without a body: the rules the hook must mirror. */
function providersMatch(url: string): boolean {
  const parts = splitUrl(url);
  const request = { parts, body: undefined, endpoint: parts.authority + parts.path };
  return BEACON_PROVIDERS.some((provider) => provider.matches(request));
}

describe('the vendor beacon URL rules, as the page hook asks them', () => {
  it.each([
    [
      'a Universal Analytics page view',
      'https://www.google-analytics.com/collect?v=1&t=pageview&tid=UA-1234-1&cid=555',
    ],
    ['a Universal Analytics batch', 'https://www.google-analytics.com/batch?v=1'],
    [
      'a Universal Analytics hit on a proxy path',
      'https://metrics.shop.example/ua?v=1&tid=UA-99-2',
    ],
    [
      'a Google Ads remarketing hit',
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/797629828/?random=1746729079496&cv=11',
    ],
    [
      'a Google Ads conversion',
      'https://www.googleadservices.com/pagead/conversion/1111111/?label=Ab',
    ],
    [
      'a Google Ads 1p conversion on google.de',
      'https://www.google.de/pagead/1p-conversion/1111111/?cv=11',
    ],
    [
      'a Floodlight activity',
      'https://1234567.fls.doubleclick.net/activityi;src=1234567;type=group1;cat=thank123',
    ],
    [
      'a Floodlight activity on ad.doubleclick.net',
      'https://ad.doubleclick.net/ddm/activity/src=1;cat=a',
    ],
    [
      'a Floodlight activity through adservice',
      'https://adservice.google.com/ddm/fls/i/src=1;type=g',
    ],
    ['a Meta pixel event', 'https://www.facebook.com/tr/?id=1234&ev=PageView'],
    ['a Meta pixel event without the slash', 'https://facebook.com/tr?id=1234&ev=Purchase'],
  ])('records %s', (_, url) => {
    expect(isVendorBeaconUrl(splitUrl(url))).toBe(true);
    expect(providersMatch(url)).toBe(true);
    expect(isAnalyticsUrl(url)).toBe(true);
  });

  it.each([
    [
      'a Universal Analytics path without v=1',
      'https://www.google-analytics.com/collect?v=2&tid=UA-1',
    ],
    ['a v=1 query on another path with a GA4 id', 'https://cdn.example/pixel?v=1&tid=G-1'],
    [
      'a remarketing path without a conversion id',
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/?x=1',
    ],
    [
      'a conversion path on a look-alike host',
      'https://google.com.evil.example/pagead/conversion/123/',
    ],
    ['a Floodlight path on an unrelated host', 'https://cdn.example/activityi;src=1;'],
    [
      'an activity path on a look-alike Floodlight host',
      'https://fls.doubleclick.net.example/activityi;src=1;',
    ],
    ['a facebook.com page', 'https://www.facebook.com/tracking/'],
    ['a look-alike pixel host', 'https://notfacebook.com/tr/?id=1'],
    ['an adservice path outside ddm/fls', 'https://adservice.google.com/ddm/other/'],
  ])('leaves %s alone', (_, url) => {
    expect(isVendorBeaconUrl(splitUrl(url))).toBe(false);
    expect(providersMatch(url)).toBe(false);
  });

  it('agrees with the decoder’s providers on any mix of their hosts, paths and keys', () => {
    const host = fc.constantFrom(
      'www.google-analytics.com',
      'googleads.g.doubleclick.net',
      'www.googleadservices.com',
      'www.google.com',
      'www.google.co.uk',
      'adservice.google.com',
      'adservice.google.fr',
      '99.fls.doubleclick.net',
      'ad.doubleclick.net',
      'facebook.com',
      'www.facebook.com',
      'notfacebook.com',
      'google.com.example',
      'shop.example',
    );
    const path = fc.constantFrom(
      '/collect',
      '/batch',
      '/r/collect',
      '/j/collect',
      '/g/collect',
      '/pagead/conversion/123/',
      '/pagead/viewthroughconversion/9/',
      '/pagead/1p-conversion/7',
      '/pagead/conversion/',
      '/activityi;src=1;',
      '/activity;src=1',
      '/ddm/activity/src=1',
      '/ddm/fls/i/src=1',
      '/tr',
      '/tr/',
      '/trx',
      '/',
    );
    const pair = fc.constantFrom('v=1', 'v=2', 'tid=UA-1-1', 'tid=ua-7', 'tid=G-1', 'v', 'en=x');
    fc.assert(
      fc.property(host, path, fc.array(pair, { maxLength: 4 }), (chosenHost, chosenPath, pairs) => {
        const url = `https://${chosenHost}${chosenPath}?${pairs.join('&')}`;
        expect(isVendorBeaconUrl(splitUrl(url))).toBe(providersMatch(url));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with the providers on arbitrary URLs, never throwing', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(isVendorBeaconUrl(splitUrl(url))).toBe(providersMatch(url));
      }),
      { numRuns: 500 },
    );
  });
});
