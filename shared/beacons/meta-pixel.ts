import type { VendorBeacon } from '../events/event-types.js';
import { addWarning } from '../ga4/add-warning.js';
import { parseQuery, type QueryPair } from '../text/parse-query.js';
import type { BeaconProvider, VendorRequest } from './beacon-provider.js';
import { flattenJson } from './flatten-json.js';
import { isPixelEventUrl } from './vendor-url-rules.js';
import {
  applyVendorPairs,
  createVendorBeacon,
  setParam,
  type ParamRules,
} from './vendor-param-rules.js';

const VENDOR = 'meta-pixel';

/** Custom data keys whose values are numbers in Meta's standard events. */
const NUMERIC_CUSTOM_DATA = new Set(['value', 'num_items', 'predicted_ltv']);

const RULES: ParamRules = {
  keys: {
    dl: 'page_location',
    rl: 'page_referrer',
    eid: 'event_id',
    ts: { name: 'timestamp', isNumeric: true },
    fbp: 'fbp',
    fbc: 'fbc',
    v: 'pixel_version',
    r: 'release_segment',
    ec: { name: 'event_count', isNumeric: true },
    if: 'in_iframe',
    sw: { name: 'screen_width', isNumeric: true },
    sh: { name: 'screen_height', isNumeric: true },
    rqm: 'request_method',
  },
  patterns: [{ pattern: /^ud\[(.+)\]$/, name: (match) => `user_data.${match[1]}` }],
};

/** `cd[name]`: the event's custom data (value, currency, contents …). */
const CUSTOM_DATA = /^cd\[(.+)\]$/;

/**
 * Meta (Facebook) pixel events, `/tr/` on facebook.com, by GET or by POST with a form body
 * (protocol notes §10). The account is the pixel `id`, the event is `ev`; `cd[...]` custom data
 * becomes parameters by name, and `cd[contents]`, which is JSON, is flattened
 * (`contents.0.id`); invalid JSON is kept as text with a warning. `ev=Microdata` is sent by
 * the pixel on its own and is marked automatic.
 */
export const metaPixel: BeaconProvider = {
  vendor: VENDOR,
  matches: ({ parts }) => isPixelEventUrl(parts),
  decode: (request) => ({ kind: 'vendor', beacons: [decodePixelEvent(request)] }),
};

function decodePixelEvent({ parts, body, endpoint }: VendorRequest): VendorBeacon {
  const beacon = createVendorBeacon(VENDOR, endpoint);
  const pairs = [...parseQuery(parts.query), ...parseQuery(body ?? '')];
  applyVendorPairs(beacon, pairs, RULES);
  for (const pair of pairs) {
    applyPixelPair(beacon, pair);
  }
  if (beacon.name === 'Microdata') {
    beacon.isAutomatic = true;
  }
  return beacon;
}

function applyPixelPair(beacon: VendorBeacon, pair: QueryPair): void {
  if (pair.key === 'id') {
    beacon.accountId = pair.value;
    return;
  }
  if (pair.key === 'ev') {
    beacon.name = pair.value === '' ? null : pair.value;
    return;
  }
  const name = CUSTOM_DATA.exec(pair.key)?.[1];
  if (name === 'contents') {
    applyContents(beacon, pair);
  } else if (name !== undefined) {
    setParam(beacon, pair.key, { name, isNumeric: NUMERIC_CUSTOM_DATA.has(name) }, pair.value);
  }
}

/** `cd[contents]` is URL-encoded JSON, and real pages send broken JSON too (sample C6). */
function applyContents(beacon: VendorBeacon, pair: QueryPair): void {
  try {
    flattenJson(JSON.parse(pair.value), 'contents', beacon.params);
  } catch {
    const message = 'cd[contents] is not valid JSON; kept as text';
    addWarning(beacon.warnings, 'invalid_json', message, pair.key);
    beacon.params.contents = pair.value;
  }
}
