import type { AuxiliaryRequest, VendorBeacon } from '../events/event-types.js';
import { parseQuery, type QueryPair } from '../text/parse-query.js';
import type { BeaconProvider, ProviderResult, VendorRequest } from './beacon-provider.js';
import { applyVendorPairs, createVendorBeacon, type ParamRules } from './vendor-param-rules.js';
import { isFloodlightActivityUrl } from './vendor-url-rules.js';

const VENDOR = 'floodlight';

const RULES: ParamRules = {
  keys: {
    src: 'advertiser_id',
    type: 'activity_group',
    cat: 'activity',
    ord: 'order_id',
    num: 'counter',
    qty: { name: 'quantity', isNumeric: true },
    cost: { name: 'revenue', isNumeric: true },
    '~oref': 'page_location',
    tran: 'transaction_count',
    npa: 'npa',
    gcd: 'gcd',
    dma: 'dma',
  },
  patterns: [{ pattern: /^u(\d{1,3})$/, name: (match) => `u${match[1]}` }],
};

/**
 * Campaign Manager 360 Floodlight tags (protocol notes §10). Their parameters sit in the path,
 * `;`-separated (`/activityi;src=…;type=…;cat=…`). The account is `src`, the event is
 * `type/cat` (activity group and activity). Requests with `dc_pre` are the redirect and
 * confirmation legs of one conversion, not conversions themselves: they come back as
 * auxiliary traffic so that nobody counts them twice.
 */
export const floodlight: BeaconProvider = {
  vendor: VENDOR,
  matches: ({ parts }) => isFloodlightActivityUrl(parts),
  decode: decodeFloodlight,
};

function decodeFloodlight({ parts }: VendorRequest): ProviderResult {
  const { base, parameters } = splitActivityPath(parts.path);
  const endpoint = parts.authority + base;
  const pairs = parseQuery(parameters, { separator: ';', plusAsSpace: false });
  const source = pairs.find((pair) => pair.key === 'src')?.value;
  if (pairs.some((pair) => pair.key === 'dc_pre')) {
    const request: AuxiliaryRequest = {
      layer: 'other',
      vendor: 'google-auxiliary',
      kind: 'floodlight-redirect',
      endpoint,
    };
    return {
      kind: 'auxiliary',
      request: source ? { ...request, measurementId: `DC-${source}` } : request,
    };
  }
  return { kind: 'vendor', beacons: [decodeActivity(pairs, endpoint)] };
}

/**
 * Cuts `/activityi;src=…;type=…` into the tag's path (`/activityi`) and its `k=v;k=v`
 * parameters, which start at the path segment holding the first `=`
 * (`/ddm/fls/z/dc_pre=…;u1=…`), past a leading `activityi;`.
 */
function splitActivityPath(path: string): { base: string; parameters: string } {
  const equalsAt = path.indexOf('=');
  if (equalsAt === -1) {
    return { base: path, parameters: '' };
  }
  const segmentStart = path.lastIndexOf('/', equalsAt) + 1;
  const semicolonAt = path.indexOf(';', segmentStart);
  const start = semicolonAt !== -1 && semicolonAt < equalsAt ? semicolonAt + 1 : segmentStart;
  return { base: path.slice(0, start).replace(/;$/, ''), parameters: path.slice(start) };
}

function decodeActivity(pairs: QueryPair[], endpoint: string): VendorBeacon {
  const beacon = createVendorBeacon(VENDOR, endpoint);
  applyVendorPairs(beacon, pairs, RULES);

  const { advertiser_id: source, activity_group: group, activity } = beacon.params;
  if (typeof source === 'string' && source !== '') {
    beacon.accountId = source;
  }
  const nameParts = [group, activity].filter((part) => typeof part === 'string' && part !== '');
  beacon.name = nameParts.length > 0 ? nameParts.join('/') : null;
  return beacon;
}
