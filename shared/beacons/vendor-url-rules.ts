import { isGoogleHost } from '../ga4/is-google-host.js';
import { findQueryValue } from '../text/find-query-value.js';
import type { UrlParts } from '../text/split-url.js';

/** UA hits go to `/collect`, `/r/collect`, `/j/collect`, `/batch` (protocol notes §9). */
const UNIVERSAL_HIT_PATH = /\/(?:collect|batch)$/;
const ADS_CONVERSION_PATH = /^\/pagead\/(?:viewthroughconversion|conversion|1p-conversion)\/\d/;
const FLOODLIGHT_ACTIVITY_PATH = /^\/(?:ddm\/)?activity[ij]?[;/]/;
const PIXEL_PATH = /^\/tr\/?$/;

/*
 * The host and path rules that tell each non-GA4 vendor's beacons apart, on their own: the
 * providers use them to claim a request, and the extension's page hook, which runs in every
 * frame, asks them of every request without carrying the decoders into its bundle (a third of
 * the hook's code, compiled per document).
 */

/**
 * True when a request URL, seen without its body, is a beacon of a vendor other than GA4 that
 * the decoder reads: Universal Analytics, a Google Ads conversion, a Floodlight activity or a
 * Meta pixel event.
 */
export function isVendorBeaconUrl(parts: UrlParts): boolean {
  return (
    isUniversalHitUrl(parts) ||
    isAdsConversionUrl(parts) ||
    isFloodlightActivityUrl(parts) ||
    isPixelEventUrl(parts)
  );
}

/**
 * Universal Analytics: `v=1` in the query (or the body's first line), on a hit path or for a
 * `UA-` property.
 */
export function isUniversalHitUrl({ query, path }: UrlParts, firstBodyLine = ''): boolean {
  const version = findQueryValue(query, 'v') ?? findQueryValue(firstBodyLine, 'v');
  if (version !== '1') return false;
  const trackingId = findQueryValue(query, 'tid') ?? findQueryValue(firstBodyLine, 'tid') ?? '';
  return UNIVERSAL_HIT_PATH.test(path) || /^UA-/i.test(trackingId);
}

/** A Google Ads conversion or remarketing hit, on Google's or DoubleClick's hosts. */
export function isAdsConversionUrl({ host, path }: UrlParts): boolean {
  const isAdsHost =
    host.endsWith('doubleclick.net') || host.endsWith('googleadservices.com') || isGoogleHost(host);
  return isAdsHost && ADS_CONVERSION_PATH.test(path);
}

/** A Floodlight activity, with its `;`-separated parameters in the path. */
export function isFloodlightActivityUrl({ host, path }: UrlParts): boolean {
  if (host.endsWith('.fls.doubleclick.net') || host === 'ad.doubleclick.net') {
    return FLOODLIGHT_ACTIVITY_PATH.test(path);
  }
  return host.startsWith('adservice.google.') && path.startsWith('/ddm/fls/');
}

/** A Meta pixel event (`/tr`). */
export function isPixelEventUrl({ host, path }: UrlParts): boolean {
  return (host === 'facebook.com' || host.endsWith('.facebook.com')) && PIXEL_PATH.test(path);
}
