import { recogniseGa4Request } from '../../../shared/ga4/recognise-ga4-request.js';
import { splitUrl } from '../../../shared/text/split-url.js';
import { isVendorBeaconUrl } from '../../../shared/beacons/vendor-url-rules.js';

/**
 * True when an absolute request URL is an analytics hit the decoder reads: GA4 on any host or
 * path prefix (first-party and server-side included), Universal Analytics, Google Ads,
 * Floodlight or the Meta pixel. It runs on every request the page makes, so it only asks the
 * recognisers, which look at the host, path and a query key or two and decode nothing.
 * Google's auxiliary traffic (signals pings, script loads) is not a hit. Never throws.
 */
export function isAnalyticsUrl(url: string): boolean {
  try {
    const parts = splitUrl(url);
    const ga4 = recogniseGa4Request(parts).kind;
    if (ga4 === 'collect' || ga4 === 'measurement-protocol') return true;
    if (ga4 === 'auxiliary') return false;

    return isVendorBeaconUrl(parts);
  } catch {
    return false;
  }
}
