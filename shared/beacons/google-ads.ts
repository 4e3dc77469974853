import type { VendorBeacon } from '../events/event-types.js';
import { parseQuery } from '../text/parse-query.js';
import { setEntry } from '../text/set-entry.js';
import type { BeaconProvider, VendorRequest } from './beacon-provider.js';
import { applyVendorPairs, createVendorBeacon, type ParamRules } from './vendor-param-rules.js';
import { isAdsConversionUrl } from './vendor-url-rules.js';

const VENDOR = 'google-ads';

/** `/pagead/<kind>/<conversion id>/`: conversion and remarketing pings (protocol notes §10). */
const CONVERSION_PATH = /^\/pagead\/(?:viewthroughconversion|conversion|1p-conversion)\/(\d+)/;

const RULES: ParamRules = {
  keys: {
    label: 'conversion_label',
    value: { name: 'value', isNumeric: true },
    currency_code: 'currency',
    oid: 'transaction_id',
    url: 'page_location',
    ref: 'page_referrer',
    tiba: 'page_title',
    auid: 'auid',
    gclaw: 'gclid',
    gcs: 'gcs',
    gcd: 'gcd',
    dma: 'dma',
    npa: 'npa',
    fmt: 'format',
    cv: 'tag_version',
  },
};

/**
 * Google Ads conversion and remarketing pings on googleads.g.doubleclick.net,
 * googleadservices.com and google.com. The account is the conversion ID in the path; the
 * event name comes from `data=event=<name>;…`, whose other `k=v` pairs become parameters.
 */
export const googleAds: BeaconProvider = {
  vendor: VENDOR,
  matches: ({ parts }) => isAdsConversionUrl(parts),
  decode: (request) => ({ kind: 'vendor', beacons: [decodeConversion(request)] }),
};

function decodeConversion({ parts, endpoint }: VendorRequest): VendorBeacon {
  const beacon = createVendorBeacon(VENDOR, endpoint);
  const pairs = parseQuery(parts.query);
  applyVendorPairs(beacon, pairs, RULES);

  const conversionId = CONVERSION_PATH.exec(parts.path)?.[1];
  if (conversionId !== undefined) {
    beacon.accountId = conversionId;
  }
  const data = pairs.findLast((pair) => pair.key === 'data');
  if (data !== undefined) {
    applyEventData(beacon, data.value);
  }
  return beacon;
}

/**
 * `data` is itself a `;`-separated `k=v` list (`event=purchase;allow_custom_scripts=true`),
 * already decoded once with the rest of the query: its parts are not decoded again.
 */
function applyEventData(beacon: VendorBeacon, data: string): void {
  for (const part of data.split(';')) {
    const equalsAt = part.indexOf('=');
    const key = equalsAt === -1 ? part : part.slice(0, equalsAt);
    const value = equalsAt === -1 ? '' : part.slice(equalsAt + 1);
    if (key === 'event') {
      beacon.name = value === '' ? null : value;
    } else if (key !== '' && !Object.hasOwn(beacon.params, key)) {
      setEntry(beacon.params, key, value);
    }
  }
}
