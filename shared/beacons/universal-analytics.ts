import type { VendorBeacon } from '../events/event-types.js';
import { parseQuery, type QueryPair } from '../text/parse-query.js';
import type { BeaconProvider, VendorRequest } from './beacon-provider.js';
import { applyVendorPairs, createVendorBeacon, type ParamRules } from './vendor-param-rules.js';
import { isUniversalHitUrl } from './vendor-url-rules.js';

const VENDOR = 'universal-analytics';

/** The UA Measurement Protocol v1 parameters (protocol notes §9), under their reference names. */
const RULES: ParamRules = {
  keys: {
    t: 'hit_type',
    tid: 'tracking_id',
    cid: 'client_id',
    uid: 'user_id',
    ni: 'non_interaction',
    ec: 'event_category',
    ea: 'event_action',
    el: 'event_label',
    ev: { name: 'event_value', isNumeric: true },
    dl: 'page_location',
    dh: 'page_hostname',
    dp: 'page_path',
    dt: 'page_title',
    dr: 'page_referrer',
    cd: 'screen_name',
    ul: 'language',
    de: 'document_encoding',
    sd: 'screen_colors',
    sr: 'screen_resolution',
    vp: 'viewport_size',
    je: 'java_enabled',
    an: 'application_name',
    av: 'application_version',
    aid: 'application_id',
    ua: 'user_agent',
    aip: 'anonymize_ip',
    cn: 'campaign_name',
    cs: 'campaign_source',
    cm: 'campaign_medium',
    ck: 'campaign_keyword',
    cc: 'campaign_content',
    ci: 'campaign_id',
    gclid: 'gclid',
    dclid: 'dclid',
    cu: 'currency',
    ti: 'transaction_id',
    ta: 'transaction_affiliation',
    tr: { name: 'transaction_revenue', isNumeric: true },
    ts: { name: 'transaction_shipping', isNumeric: true },
    tt: { name: 'transaction_tax', isNumeric: true },
    tcc: 'coupon',
    pa: 'product_action',
    pal: 'product_action_list',
    cos: { name: 'checkout_step', isNumeric: true },
    col: 'checkout_step_option',
    utc: 'timing_category',
    utv: 'timing_variable',
    utt: { name: 'timing_time', isNumeric: true },
    utl: 'timing_label',
    exd: 'exception_description',
    exf: 'exception_fatal',
    sn: 'social_network',
    sa: 'social_action',
    st: 'social_target',
    // GA4-era consent keys that newer GTM builds add to v1 hits too (sample B5, §9).
    gcs: 'gcs',
    gcd: 'gcd',
    dma: 'dma',
    npa: 'npa',
  },
  patterns: [
    { pattern: /^cd(\d{1,3})$/, name: (match) => `dimension${match[1]}` },
    { pattern: /^cm(\d{1,3})$/, name: (match) => `metric${match[1]}`, isNumeric: true },
    { pattern: /^cg(\d)$/, name: (match) => `content_group${match[1]}` },
  ],
};

/**
 * Universal Analytics (`v=1`) hits: analytics.js and Measurement Protocol v1, GET or POST,
 * on Google's paths or any host that carries a `UA-` property. The beacon name is the hit
 * type `t` (`pageview`, `event` …); events keep `ec`/`ea`/`el`/`ev` as `event_category`,
 * `event_action`, `event_label`, `event_value`. `/batch` bodies give one beacon per line.
 */
export const universalAnalytics: BeaconProvider = {
  vendor: VENDOR,
  matches: isUniversalHit,
  decode: (request) => ({ kind: 'vendor', beacons: decodeHits(request) }),
};

function isUniversalHit({ parts, body }: VendorRequest): boolean {
  return isUniversalHitUrl(parts, body?.split(/\r?\n/, 1)[0] ?? '');
}

function decodeHits({ parts, body, endpoint }: VendorRequest): VendorBeacon[] {
  const sharedPairs = parseQuery(parts.query);
  const lines = (body ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) {
    return [decodeHit(sharedPairs, [], endpoint)];
  }
  return lines.map((line) => decodeHit(sharedPairs, parseQuery(line), endpoint));
}

function decodeHit(
  sharedPairs: QueryPair[],
  linePairs: QueryPair[],
  endpoint: string,
): VendorBeacon {
  const beacon = createVendorBeacon(VENDOR, endpoint);
  applyVendorPairs(beacon, sharedPairs, RULES);
  applyVendorPairs(beacon, linePairs, RULES);

  const hitType = beacon.params.hit_type;
  beacon.name = typeof hitType === 'string' && hitType !== '' ? hitType : null;
  const trackingId = beacon.params.tracking_id;
  if (typeof trackingId === 'string' && trackingId !== '') {
    beacon.accountId = trackingId;
  }
  return beacon;
}
