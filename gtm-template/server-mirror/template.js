const BigQuery = require('BigQuery');
const decodeUriComponent = require('decodeUriComponent');
const encodeUriComponent = require('encodeUriComponent');
const getAllEventData = require('getAllEventData');
const getContainerVersion = require('getContainerVersion');
const getRequestQueryParameter = require('getRequestQueryParameter');
const getTimestampMillis = require('getTimestampMillis');
const getType = require('getType');
const JSON = require('JSON');
const logToConsole = require('logToConsole');
const makeNumber = require('makeNumber');
const makeString = require('makeString');
const Math = require('Math');
const Object = require('Object');
const Promise = require('Promise');
const sendHttpRequest = require('sendHttpRequest');
const sha256Sync = require('sha256Sync');

const TEMPLATE_VERSION = '1.0.0';
const DEFAULT_TIMEOUT_MS = 5000;
// sGTM keys with a column of their own or that describe the request, not the event
// (shared/warehouse/event-data-to-mirror-row.ts, which this template must equal).
const NOT_PARAMS = [
  'event_name',
  'client_id',
  'user_id',
  'items',
  'user_properties',
  'language',
  'screen_resolution',
  'user_agent',
  'page_hostname',
  'page_path',
  'page_encoding',
  'event_location',
];
// Parameters the GA4 export holds as integers, which event data may carry as digit text.
const INTEGER_PARAMS = ['ga_session_id', 'ga_session_number', 'engagement_time_msec'];
// What anonymizing removes when analytics_storage is denied.
const IDENTIFYING_KEYS = ['client_id', 'user_id', 'ga_session_id', 'ga_session_number'];
const PLACEHOLDER_IDS = ['', 'undefined', 'null', 'NaN', '[object Object]'];
const ITEM_TEXT_FIELDS = [
  'item_id',
  'item_name',
  'item_brand',
  'item_variant',
  'item_category',
  'item_category2',
  'item_category3',
  'item_category4',
  'item_category5',
  'coupon',
  'affiliation',
  'location_id',
  'item_list_id',
  'item_list_name',
  'promotion_id',
  'promotion_name',
  'creative_name',
  'creative_slot',
];
// Event-level fields GA4 applies to items that lack them (ga4-protocol.md §5).
const INHERITED_ITEM_FIELDS = [
  'item_list_id',
  'item_list_name',
  'promotion_id',
  'promotion_name',
  'creative_name',
  'creative_slot',
];
const URL_CAMPAIGN_KEYS = {
  utm_id: 'manual_campaign_id',
  utm_campaign: 'manual_campaign_name',
  utm_source: 'manual_source',
  utm_medium: 'manual_medium',
  utm_term: 'manual_term',
  utm_content: 'manual_content',
  utm_source_platform: 'manual_source_platform',
  utm_creative_format: 'manual_creative_format',
  utm_marketing_tactic: 'manual_marketing_tactic',
  gclid: 'gclid',
  dclid: 'dclid',
  srsltid: 'srsltid',
};
// gcd letters: [letter, default, update, effective] (ga4-protocol.md §4).
const GCD_LETTERS = [
  ['l', undefined, undefined, 'unset'],
  ['p', 'denied', undefined, 'denied'],
  ['q', 'denied', 'denied', 'denied'],
  ['t', 'granted', undefined, 'granted'],
  ['r', 'denied', 'granted', 'granted'],
  ['m', undefined, 'denied', 'denied'],
  ['n', undefined, 'granted', 'granted'],
  ['u', 'granted', 'denied', 'denied'],
  ['v', 'granted', 'granted', 'granted'],
  ['e', undefined, undefined, 'unknown'],
];
const CONSENT_SIGNALS = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'];
const DIGITS = '0123456789';
const HEX = '0123456789abcdef';
const HOST_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789-';
const WORD_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
const WHITESPACE = ' \t\n\r\u000b\f\u00a0\ufeff';
const PRINTABLE_ASCII =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const MAX_SAFE_INTEGER = 9007199254740991;
// shared/warehouse/hash-identity.ts: four 32-bit lanes, each its own seed and odd multiplier.
const LANE_SEEDS = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
const LANE_PRIMES = [0x01000193, 0x5bd1e995, 0x27d4eb2d, 0x165667b1];

const allEventData = getAllEventData();
const eventData = getType(allEventData) === 'object' ? allEventData : {};
const receivedAt = getTimestampMillis();
const containerVersion = getContainerVersion() || {};
const isPreview = containerVersion.debugMode === true || containerVersion.previewMode === true;
const consent = readConsent(eventData);
let row = null;

const skipReason = reasonToSkip();
if (skipReason) {
  logEvent({ action: 'skipped', reason: skipReason });
  return data.gtmOnSuccess();
}

row = buildRow(prepareEventData(eventData), eventData);
addPrivacyParams(row);
deliver();

function reasonToSkip() {
  if (isText(getRequestQueryParameter('tw_src')) || isText(eventData.tw_src)) {
    return 'mirror traffic from the tagwarden web tag, which the collector stores already';
  }
  const name = eventData.event_name;
  if (getType(name) !== 'string' || name === '') return 'the event has no event_name';
  if (namesOf(data.deniedEvents).indexOf(name) !== -1) return 'the event is on the deny list';
  const allowed = namesOf(data.allowedEvents);
  if (allowed.length > 0 && allowed.indexOf(name) === -1)
    return 'the event is not on the allow list';
  if (data.consentMode === 'skip' && isAnalyticsDenied()) return 'analytics_storage is denied';
  return undefined;
}

function isAnalyticsDenied() {
  return (
    consent !== null &&
    !!consent.analytics_storage &&
    consent.analytics_storage.effective === 'denied'
  );
}

function isAnonymizing() {
  return data.consentMode !== 'ignore' && isAnalyticsDenied();
}

// A copy without the excluded keys, and without identifiers when consent asks for that.
function prepareEventData(source) {
  const excluded = namesOf(data.excludedParameters);
  const prepared = {};
  Object.keys(source).forEach((key) => {
    if (excluded.indexOf(key) !== -1) return;
    if (isAnonymizing() && IDENTIFYING_KEYS.indexOf(key) !== -1) return;
    prepared[key] = source[key];
  });
  return prepared;
}

// ---------------------------------------------------------------------------------------------
// Delivery: BigQuery and/or HTTP; the tag completes once every destination has answered.

function deliver() {
  const deliveries = [];
  if (data.sendToBigQuery) deliveries.push(insertIntoBigQuery());
  if (data.sendToHttp) deliveries.push(postToHttp());
  if (deliveries.length === 0) {
    logEvent({ action: 'failed', reason: 'no destination is chosen' });
    return data.gtmOnFailure();
  }
  Promise.all(deliveries).then((results) => {
    const isStored = results.every((result) => result.ok);
    logEvent({ action: isStored ? 'stored' : 'failed', destinations: results });
    if (isStored) data.gtmOnSuccess();
    else data.gtmOnFailure();
  });
}

function insertIntoBigQuery() {
  const table = { datasetId: data.datasetId, tableId: data.tableId };
  if (isText(data.projectId)) table.projectId = data.projectId;
  // The consent column is JSON, which BigQuery's streaming insert takes as JSON text.
  const bigQueryRow = shallowCopy(row);
  if (row.consent !== null) bigQueryRow.consent = JSON.stringify(row.consent);
  return BigQuery.insert(table, [bigQueryRow], { ignoreUnknownValues: true })
    .then(() => ({ destination: 'bigquery', ok: true }))
    .catch((errors) => ({ destination: 'bigquery', ok: false, error: JSON.stringify(errors) }));
}

function postToHttp() {
  if (!isText(data.httpEndpoint)) {
    return Promise.create((resolve) =>
      resolve({ destination: 'http', ok: false, error: 'no URL' }),
    );
  }
  const headers = { 'Content-Type': 'application/json' };
  if (isText(data.httpToken)) headers.Authorization = 'Bearer ' + data.httpToken;
  rowsOf(data.httpHeaders).forEach((header) => {
    headers[header.name] = makeString(header.value);
  });
  const timeout =
    makeNumber(data.httpTimeoutMs) > 0 ? makeNumber(data.httpTimeoutMs) : DEFAULT_TIMEOUT_MS;
  const options = { method: 'POST', headers: headers, timeout: timeout };
  return sendHttpRequest(data.httpEndpoint, options, JSON.stringify({ rows: [row] }))
    .then(readHttpAnswer)
    .catch((rejection) => ({
      destination: 'http',
      ok: false,
      error: rejection && rejection.reason ? rejection.reason : 'failed',
    }));
}

// Any 2xx is stored, unless a collector's answer lists the row as rejected.
function readHttpAnswer(response) {
  const status = response.statusCode;
  const answer = { destination: 'http', ok: status >= 200 && status < 300, status: status };
  const body = JSON.parse(response.body || '');
  const rejected = getType(body) === 'object' ? body.rejected : undefined;
  if (answer.ok && getType(rejected) === 'array' && rejected.length > 0) {
    answer.ok = false;
    answer.error = JSON.stringify(rejected[0]);
  } else if (!answer.ok) {
    answer.error = makeString(response.body || '').slice(0, 200);
  }
  return answer;
}

// One JSON object per event: never, in preview and debug mode (the default), or always.
function logEvent(fields) {
  if (data.logType === 'no' || (data.logType !== 'always' && !isPreview)) return;
  const entry = {
    tag: 'tagwarden-server-mirror',
    template_version: TEMPLATE_VERSION,
    event_name: eventData.event_name,
    event_id: row === null ? undefined : row.event_id,
  };
  Object.keys(fields).forEach((key) => {
    entry[key] = fields[key];
  });
  logToConsole(JSON.stringify(entry));
}

// ---------------------------------------------------------------------------------------------
// Privacy parameters added after the row is built: nothing of them is stored by default.

function addPrivacyParams(target) {
  const excluded = namesOf(data.excludedParameters);
  if (isAnonymizing()) return;
  if (data.ipMode === 'truncate' && excluded.indexOf('ip_override') === -1) {
    const ip = truncateIp(eventData.ip_override);
    if (ip !== undefined) target.event_params.push({ key: 'ip_override', value: toParamCell(ip) });
  }
  if (data.userDataMode === 'hash' && excluded.indexOf('user_data') === -1) {
    hashedUserData().forEach((entry) => {
      target.event_params.push({ key: entry[0], value: toParamCell(entry[1]) });
    });
  }
}

// IPv4 keeps its first three bytes, IPv6 its first three groups (/48).
function truncateIp(value) {
  if (!isText(value)) return undefined;
  const text = value.trim();
  if (text.indexOf(':') === -1) {
    const bytes = text.split('.');
    return bytes.length === 4 ? bytes.slice(0, 3).join('.') + '.0' : undefined;
  }
  const halves = text.split('::');
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length < 2 || halves[1] === '' ? [] : halves[1].split(':');
  const groups = head.slice();
  for (let index = head.length + tail.length; index < 8; index++) groups.push('0');
  return groups.concat(tail).slice(0, 3).join(':') + '::';
}

// Every text in user_data (nested or as dotted keys), trimmed, lower-cased and SHA-256 hashed;
// values already hashed (64 hex digits) are kept as they are.
function hashedUserData() {
  const entries = [];
  const add = (path, value) => {
    const type = getType(value);
    if (type === 'object' || type === 'array') {
      Object.keys(value).forEach((key) => add(path + '.' + key, value[key]));
      return;
    }
    if (type !== 'string' && type !== 'number') return;
    const text = makeString(value).trim().toLowerCase();
    if (text === '') return;
    const hashed = isSha256Hex(text) ? text : sha256Sync(text, { outputEncoding: 'hex' });
    const at = indexOfKey(entries, path);
    if (at === -1) entries.push([path, hashed]);
    else entries[at][1] = hashed;
  };
  Object.keys(eventData).forEach((key) => {
    if (key === 'user_data' || key.indexOf('user_data.') === 0) add(key, eventData[key]);
  });
  return entries;
}

function isSha256Hex(text) {
  if (text.length !== 64) return false;
  for (let index = 0; index < text.length; index++) {
    if (HEX.indexOf(text.charAt(index)) === -1) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The row: shared/warehouse/event-data-to-mirror-row.ts and build-mirror-row.ts, line for line.

function buildRow(source, original) {
  const eventName = source.event_name;
  const siteParams = collectParams(source);
  const hostnameText = textOf(source.page_hostname);
  const pageLocation =
    textOf(source.page_location) ||
    (hostnameText === undefined ? undefined : 'https://' + hostnameText + '/');
  const measurementId = textOf(source['x-ga-measurement_id']);
  const clientId = textOf(source.client_id);
  const timestamp = Math.floor(receivedAt) * 1000;
  const currency = getType(siteParams.currency) === 'string' ? siteParams.currency : null;
  const items = (getType(source.items) === 'array' ? source.items : [])
    .filter((item) => getType(item) === 'object')
    .map((item) => mapItem(item, eventName, siteParams, currency));
  const value = readFiniteNumber(siteParams.value);
  const hostname = hostnameOf(pageLocation);
  const requestCount = readInteger(source['x-ga-request_count']);
  const explicitId = explicitEventId(source.event_id);
  return {
    event_date: formatEventDate(receivedAt),
    event_timestamp: timestamp,
    event_name: cleanText(eventName),
    event_params: buildParams(Object.keys(siteParams).map((key) => [key, siteParams[key]])),
    event_previous_timestamp: null,
    event_value_in_usd: currency === 'USD' ? value : null,
    event_bundle_sequence_id: requestCount,
    event_server_timestamp_offset: null,
    user_id: cleanOptional(textOf(source.user_id)),
    user_pseudo_id: cleanOptional(clientId),
    privacy_info: buildPrivacyInfo(consent),
    user_properties: buildUserProperties(recordOf(source.user_properties), timestamp),
    user_first_touch_timestamp: firstTouchFromClientId(clientId),
    user_ltv: null,
    device: describeDevice(textOf(source.language), pageLocation, textOf(source.user_agent)),
    geo: null,
    app_info: null,
    traffic_source: null,
    stream_id: cleanOptional(measurementId),
    platform: 'WEB',
    event_dimensions: hostname === null ? null : { hostname: cleanText(hostname) },
    ecommerce: buildEcommerce(eventName, siteParams, items, currency),
    items: items,
    collected_traffic_source: readCollectedTrafficSource(pageLocation),
    is_active_user: null,
    batch_event_index: null,
    batch_page_id: readInteger(source['x-ga-page_id']),
    batch_ordering_id: requestCount,
    event_id:
      explicitId !== undefined ? explicitId : hashIdentity('sgtm\u0001' + canonicalJson(original)),
    source: 'server_mirror',
    measurement_id: cleanOptional(measurementId),
    consent: consent === null ? null : cleanJsonValue(consent),
    received_at: isoTime(receivedAt),
    template_version: TEMPLATE_VERSION,
  };
}

// Every key that has no column of its own, is not internal (x-…) and is not personal data.
function collectParams(source) {
  const params = {};
  Object.keys(source).forEach((key) => {
    if (NOT_PARAMS.indexOf(key) !== -1 || key.indexOf('x-') === 0) return;
    if (key === 'ip_override' || key === 'user_data' || key.indexOf('user_data.') === 0) return;
    const value = source[key];
    const integer = INTEGER_PARAMS.indexOf(key) === -1 ? null : readInteger(value);
    params[key] = integer === null ? value : integer;
  });
  return params;
}

function explicitEventId(value) {
  const text = isFiniteNumber(value) ? makeString(value) : value;
  if (getType(text) !== 'string') return undefined;
  const trimmed = text.trim();
  if (PLACEHOLDER_IDS.indexOf(trimmed) !== -1 || trimmed.length > 128) return undefined;
  return cleanText(trimmed);
}

// Ordered parameters: a later pair with the same key replaces the value in its place.
function buildParams(entries) {
  const params = [];
  const keys = [];
  entries.forEach((entry) => {
    const cell = toParamCell(entry[1]);
    if (cell === null) return;
    const param = { key: cleanText(entry[0]), value: cell };
    const at = keys.indexOf(entry[0]);
    if (at === -1) {
      keys.push(entry[0]);
      params.push(param);
    } else {
      params[at] = param;
    }
  });
  return params;
}

function buildUserProperties(properties, timestamp) {
  return buildParams(Object.keys(properties).map((key) => [key, properties[key]])).map(
    (property) => ({
      key: property.key,
      value: {
        string_value: property.value.string_value,
        int_value: property.value.int_value,
        float_value: property.value.float_value,
        double_value: property.value.double_value,
        set_timestamp_micros: timestamp,
      },
    }),
  );
}

// A value typed as GA4's export types it (shared/warehouse/to-param-cell.ts).
function toParamCell(value) {
  const type = getType(value);
  if (type === 'string') return paramCell(cleanText(value), null, null);
  if (type === 'number') {
    if (!isFiniteNumber(value)) return null;
    return isSafeInteger(value) ? paramCell(null, value, null) : paramCell(null, null, value);
  }
  if (type === 'boolean') return paramCell(value ? 'true' : 'false', null, null);
  if (type === 'object' || type === 'array') {
    const json = JSON.stringify(value);
    return paramCell(cleanText(json === undefined ? '' : json), null, null);
  }
  return null;
}

function paramCell(text, integer, double) {
  return { string_value: text, int_value: integer, float_value: null, double_value: double };
}

function mapItem(item, eventName, eventParams, currency) {
  const leftovers = [];
  const price = readItemNumber(item.price, 'price', leftovers, false);
  const quantity = readItemNumber(item.quantity, 'quantity', leftovers, true);
  Object.keys(item).forEach((key) => {
    const isStandard =
      ITEM_TEXT_FIELDS.indexOf(key) !== -1 ||
      key === 'price' ||
      key === 'quantity' ||
      key === 'index';
    if (!isStandard) leftovers.push([key, item[key]]);
  });
  const text = (field) => readText(item[field]);
  const inherited = (field) => {
    const own = text(field);
    return own !== null ? own : readText(eventParams[field]);
  };
  const amount = price !== null && quantity !== null ? price * quantity : null;
  const revenue = eventName === 'purchase' ? amount : null;
  const refund = eventName === 'refund' ? amount : null;
  const usd = (value) => (currency === 'USD' ? value : null);
  const mapped = {};
  ITEM_TEXT_FIELDS.slice(0, 9).forEach((field) => {
    mapped[field] = text(field);
  });
  mapped.price_in_usd = usd(price);
  mapped.price = price;
  mapped.quantity = quantity;
  mapped.item_revenue_in_usd = usd(revenue);
  mapped.item_revenue = revenue;
  mapped.item_refund_in_usd = usd(refund);
  mapped.item_refund = refund;
  mapped.coupon = text('coupon');
  mapped.affiliation = text('affiliation');
  mapped.location_id = text('location_id');
  mapped.item_list_id = inherited('item_list_id');
  mapped.item_list_name = inherited('item_list_name');
  mapped.item_list_index = readText(item.index);
  INHERITED_ITEM_FIELDS.slice(2).forEach((field) => {
    mapped[field] = inherited(field);
  });
  mapped.item_params = buildParams(leftovers);
  return mapped;
}

// A price or quantity that does not fit its type is kept in item_params instead of being lost.
function readItemNumber(value, key, leftovers, isInteger) {
  const number = getType(value) === 'string' ? parseWireNumber(value) : value;
  const fits = isInteger ? isSafeInteger(number) : isFiniteNumber(number);
  if (fits) return number;
  if (value !== undefined && value !== null) leftovers.push([key, value]);
  return null;
}

function buildEcommerce(eventName, params, items, currency) {
  const transactionId = readNonEmptyText(params.transaction_id);
  if (items.length === 0 && transactionId === null) return null;
  const value = readFiniteNumber(params.value);
  const shipping = readFiniteNumber(params.shipping);
  const tax = readFiniteNumber(params.tax);
  const revenue = eventName === 'purchase' ? value : null;
  const refund = eventName === 'refund' ? value : null;
  const usd = (amount) => (currency === 'USD' ? amount : null);
  const itemIds = [];
  let quantity = 0;
  items.forEach((item) => {
    quantity += item.quantity === null ? 0 : item.quantity;
    const id = item.item_id !== null ? item.item_id : item.item_name !== null ? item.item_name : '';
    if (itemIds.indexOf(id) === -1) itemIds.push(id);
  });
  return {
    total_item_quantity: items.length === 0 ? null : quantity,
    purchase_revenue_in_usd: usd(revenue),
    purchase_revenue: revenue,
    refund_value_in_usd: usd(refund),
    refund_value: refund,
    shipping_value_in_usd: usd(shipping),
    shipping_value: shipping,
    tax_value_in_usd: usd(tax),
    tax_value: tax,
    unique_items: items.length === 0 ? null : itemIds.length,
    transaction_id: transactionId,
  };
}

// ---------------------------------------------------------------------------------------------
// Consent from x-ga-gcs and x-ga-gcd (shared/ga4/decode-consent-signals.ts, decode-gcd.ts).

function readConsent(source) {
  const found = {};
  const gcs = textOf(source['x-ga-gcs']);
  const gcd = textOf(source['x-ga-gcd']);
  const npa = source['x-ga-npa'];
  const dma = source['x-ga-dma'];
  const dmaCps = textOf(source['x-ga-dma_cps']);
  if (gcs !== undefined) found.gcs = gcs;
  if (gcd !== undefined) found.gcd = gcd;
  if (npa !== undefined && npa !== null) found.npa = makeString(npa);
  if (getType(dma) === 'boolean') found.dma = dma ? '1' : '0';
  if (getType(dma) === 'string') found.dma = dma;
  if (dmaCps !== undefined) found.dmaCps = dmaCps;
  if (Object.keys(found).length === 0) return null;
  const fromGcs = gcs === undefined ? [] : readGcs(gcs);
  CONSENT_SIGNALS.forEach((name, index) => {
    const signal = gcd === undefined ? undefined : readGcdLetter(gcd, 2 + index * 2);
    const state = fromGcs[index];
    if (state !== undefined && signal !== undefined) {
      signal.effective = state;
      signal.source = 'gcs';
    }
    if (signal !== undefined) found[name] = signal;
    else if (state !== undefined) found[name] = { effective: state, source: 'gcs' };
  });
  const extra = [];
  for (let position = 10; gcd !== undefined && position < gcd.length; position += 2) {
    extra.push(gcd.slice(position, position + 2));
  }
  if (extra.length > 0) found.gcdExtra = extra;
  return found;
}

// G1 then one bit for ad_storage and one for analytics_storage (G100 … G111).
function readGcs(gcs) {
  const bits = [gcs.charAt(2), gcs.charAt(3)];
  const isBit = (text) => text === '0' || text === '1';
  if (gcs.length !== 4 || gcs.indexOf('G1') !== 0 || !isBit(bits[0]) || !isBit(bits[1])) return [];
  return bits.map((text) => (text === '1' ? 'granted' : 'denied'));
}

function readGcdLetter(gcd, position) {
  const raw = gcd.charAt(position);
  if (raw === '') return undefined;
  let meaning;
  GCD_LETTERS.forEach((letter) => {
    if (meaning === undefined && (letter[0] === raw || letter[0] === raw.toLowerCase())) {
      meaning = letter;
    }
  });
  if (meaning === undefined) return { raw: raw, effective: 'unknown', source: 'gcd' };
  const signal = { raw: raw, effective: meaning[3], source: 'gcd' };
  if (meaning[1] !== undefined) signal.default = meaning[1];
  if (meaning[2] !== undefined) signal.update = meaning[2];
  return signal;
}

function buildPrivacyInfo(found) {
  const analytics = yesNo(found === null ? undefined : found.analytics_storage);
  const ads = yesNo(found === null ? undefined : found.ad_storage);
  if (analytics === null && ads === null) return null;
  return {
    analytics_storage: analytics,
    ads_storage: ads,
    uses_transient_token: analytics === null ? null : analytics === 'No' ? 'Yes' : 'No',
  };
}

function yesNo(signal) {
  if (signal && signal.effective === 'granted') return 'Yes';
  return signal && signal.effective === 'denied' ? 'No' : null;
}

// ---------------------------------------------------------------------------------------------
// Device from the User-Agent header (shared/warehouse/describe-device.ts, read-user-agent.ts),
// read with string searches: `\b` is a word boundary, as in the TypeScript patterns.

function describeDevice(language, pageLocation, userAgent) {
  const agent = userAgent === undefined ? undefined : readUserAgent(userAgent);
  const browser = agent ? agent.browser : null;
  const browserVersion = agent ? agent.browserVersion : null;
  const category = agent ? agent.category : null;
  const spoken = language === undefined ? null : language;
  if (browser === null && category === null && spoken === null) return null;
  return {
    category: category,
    mobile_brand_name: null,
    mobile_model_name: null,
    mobile_marketing_name: null,
    mobile_os_hardware_model: null,
    operating_system: cleanOptional(agent ? agent.operatingSystem : null),
    operating_system_version: cleanOptional(agent ? agent.operatingSystemVersion : null),
    vendor_id: null,
    advertising_id: null,
    language: cleanOptional(spoken),
    is_limited_ad_tracking: null,
    time_zone_offset_seconds: null,
    browser: cleanOptional(browser),
    browser_version: cleanOptional(browserVersion),
    web_info: {
      browser: cleanOptional(browser),
      browser_version: cleanOptional(browserVersion),
      hostname: cleanOptional(hostnameOf(pageLocation)),
    },
  };
}

function readUserAgent(userAgent) {
  const browser = readBrowser(userAgent);
  const system = readSystem(userAgent);
  return {
    browser: browser ? browser.name : null,
    browserVersion: browser ? versionText(browser.version) : null,
    operatingSystem: system ? system.name : null,
    operatingSystemVersion: system ? versionText(system.version) : null,
    category: categoryOf(userAgent),
  };
}

function versionText(version) {
  return version === '' ? null : version.split('_').join('.');
}

// Tried in order: each later browser's header also carries the tokens of the ones before.
function readBrowser(text) {
  const edge = afterToken(text, 'Edg', (at) => {
    const slashAt = text.charAt(at) === 'A' ? at + 1 : at;
    return text.charAt(slashAt) === '/' ? runOf(text, slashAt + 1, DIGITS + '.') : '';
  });
  if (edge) return { name: 'Edge', version: edge };
  const simple = [
    ['OPR/', 'Opera'],
    ['SamsungBrowser/', 'Samsung Internet'],
    ['Firefox/', 'Firefox'],
    ['FxiOS/', 'Firefox'],
    ['CriOS/', 'Chrome'],
    ['Chrome/', 'Chrome'],
  ];
  for (let index = 0; index < simple.length; index++) {
    const version = afterToken(text, simple[index][0], (at) => runOf(text, at, DIGITS + '.'));
    if (version) return { name: simple[index][1], version: version };
  }
  const safari = afterToken(text, 'Version/', (at) => {
    const version = runOf(text, at, DIGITS + '.');
    return version && findToken(text, 'Safari/', at + version.length) !== -1 ? version : '';
  });
  return safari ? { name: 'Safari', version: safari } : undefined;
}

function readSystem(text) {
  const device = firstOf([
    findToken(text, 'iPhone', 0),
    findToken(text, 'iPad', 0),
    findToken(text, 'iPod', 0),
  ]);
  if (device !== -1) {
    const ios = afterToken(
      text,
      'OS ',
      (at) => digitGroups(text, at, '_'),
      device + (text.charAt(device + 2) === 'h' ? 6 : 4),
    );
    if (ios) return { name: 'iOS', version: ios };
  }
  const android = afterToken(text, 'Android ', (at) => digitGroups(text, at, '.'));
  if (android) return { name: 'Android', version: android };
  const chromeOs = afterToken(text, 'CrOS ', (at) => {
    const platform = runOf(text, at, undefined);
    const versionAt = at + platform.length + 1;
    return platform && text.charAt(versionAt - 1) === ' '
      ? runOf(text, versionAt, DIGITS + '.')
      : '';
  });
  if (chromeOs) return { name: 'Chrome OS', version: chromeOs };
  const windows = afterToken(text, 'Windows NT ', (at) => runOf(text, at, DIGITS + '.'));
  if (windows) return { name: 'Windows', version: windows };
  const mac = afterToken(text, 'Mac OS X ', (at) => digitGroups(text, at, '_.'));
  if (mac) return { name: 'Macintosh', version: mac };
  return findWord(text, 'Linux', 0) === -1 ? undefined : { name: 'Linux', version: '' };
}

function categoryOf(text) {
  if (text.trim() === '') return null;
  const androidAt = text.lastIndexOf('Android');
  const isAndroidTablet = androidAt !== -1 && findWord(text, 'Mobile', androidAt + 7) === -1;
  if (findWord(text, 'iPad', 0) !== -1 || findWord(text, 'Tablet', 0) !== -1 || isAndroidTablet) {
    return 'tablet';
  }
  const isMobile =
    findToken(text, 'Mobi', 0) !== -1 ||
    findWord(text, 'iPhone', 0) !== -1 ||
    findWord(text, 'iPod', 0) !== -1;
  return isMobile ? 'mobile' : 'desktop';
}

// The first place `token` starts at a word boundary whose `read` gives a non-empty result.
function afterToken(text, token, read, from) {
  let at = findToken(text, token, from || 0);
  while (at !== -1) {
    const result = read(at + token.length);
    if (result) return result;
    at = findToken(text, token, at + 1);
  }
  return '';
}

function findToken(text, token, from) {
  let at = text.indexOf(token, from);
  while (at > 0 && isWordCharacter(text.charAt(at - 1))) at = text.indexOf(token, at + 1);
  return at;
}

function findWord(text, word, from) {
  let at = findToken(text, word, from);
  while (at !== -1 && isWordCharacter(text.charAt(at + word.length))) {
    at = findToken(text, word, at + 1);
  }
  return at;
}

// The run of `allowed` characters at `at` (or of non-whitespace when `allowed` is undefined).
function runOf(text, at, allowed) {
  let end = at;
  while (end < text.length) {
    const character = text.charAt(end);
    const isIn =
      allowed === undefined
        ? WHITESPACE.indexOf(character) === -1
        : allowed.indexOf(character) !== -1;
    if (!isIn) break;
    end++;
  }
  return text.slice(at, end);
}

// `\d+(?:[sep]\d+)*`: digits, then more digit groups, each after one of the separators.
function digitGroups(text, at, separators) {
  let end = at + runOf(text, at, DIGITS).length;
  if (end === at) return '';
  while (separators.indexOf(text.charAt(end)) !== -1 && text.charAt(end) !== '') {
    const group = runOf(text, end + 1, DIGITS);
    if (group === '') break;
    end += 1 + group.length;
  }
  return text.slice(at, end);
}

function isWordCharacter(character) {
  return character !== '' && WORD_CHARACTERS.indexOf(character) !== -1;
}

function firstOf(positions) {
  let first = -1;
  positions.forEach((at) => {
    if (at !== -1 && (first === -1 || at < first)) first = at;
  });
  return first;
}

// The host of an absolute URL, lower-cased and without port; null for anything else.
function hostnameOf(location) {
  if (location === undefined) return null;
  const schemeEnd = location.indexOf('://');
  if (schemeEnd < 1 || !isScheme(location.slice(0, schemeEnd))) return null;
  let rest = location.slice(schemeEnd + 3);
  const firstMark = firstOf(['@', '/', '?', '#'].map((mark) => rest.indexOf(mark)));
  if (firstMark !== -1 && rest.charAt(firstMark) === '@') rest = rest.slice(firstMark + 1);
  let host;
  if (rest.charAt(0) === '[' && rest.indexOf(']') !== -1) {
    host = rest.slice(0, rest.indexOf(']') + 1);
  } else {
    const end = firstOf([':', '/', '?', '#'].map((mark) => rest.indexOf(mark)));
    host = end === -1 ? rest : rest.slice(0, end);
  }
  return host === '' ? null : host.toLowerCase();
}

function isScheme(text) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const lower = text.toLowerCase();
  if (letters.indexOf(lower.charAt(0)) === -1) return false;
  return runOf(lower, 0, letters + DIGITS + '+.-').length === lower.length;
}

// utm_* and click IDs of the page URL (shared/warehouse/read-collected-traffic-source.ts).
function readCollectedTrafficSource(pageLocation) {
  if (pageLocation === undefined || pageLocation.indexOf('?') === -1) return null;
  const found = {};
  let isFound = false;
  queryOf(pageLocation)
    .split('&')
    .forEach((pair) => {
      if (pair === '') return;
      const equalsAt = pair.indexOf('=');
      const key = decodeQueryText(equalsAt === -1 ? pair : pair.slice(0, equalsAt));
      const value = equalsAt === -1 ? '' : decodeQueryText(pair.slice(equalsAt + 1));
      const field =
        getType(URL_CAMPAIGN_KEYS[key]) === 'string' ? URL_CAMPAIGN_KEYS[key] : undefined;
      if (field === undefined || value === '' || found[field] !== undefined) return;
      found[field] = cleanText(value);
      isFound = true;
    });
  if (!isFound) return null;
  const source = {};
  Object.keys(URL_CAMPAIGN_KEYS).forEach((key) => {
    const field = URL_CAMPAIGN_KEYS[key];
    source[field] = found[field] === undefined ? null : found[field];
  });
  return source;
}

// The query as shared/text/split-url.ts finds it: after the first `?` and before any `#`; for
// text with no host whose first `=` comes before any `/`, the whole text is the query.
function queryOf(location) {
  const beforeHash = location.split('#')[0];
  const questionAt = beforeHash.indexOf('?');
  const beforeQuery = questionAt === -1 ? beforeHash : beforeHash.slice(0, questionAt);
  if (!hasHost(beforeQuery) && isBareQuery(beforeHash)) return beforeHash;
  return questionAt === -1 ? '' : beforeHash.slice(questionAt + 1);
}

function hasHost(text) {
  const schemeEnd = text.indexOf('://');
  if (schemeEnd > 0 && isScheme(text.slice(0, schemeEnd))) return true;
  if (text.indexOf('//') === 0) return true;
  const hostAndPort = text.split('/')[0].split(':');
  const labels = hostAndPort[0].split('.');
  const isPort = hostAndPort.length === 1 || (hostAndPort.length === 2 && isDigits(hostAndPort[1]));
  const isLabel = (label) =>
    label !== '' && runOf(label.toLowerCase(), 0, HOST_CHARACTERS) === label.toLowerCase();
  return isPort && labels.length >= 2 && labels.every(isLabel);
}

function isBareQuery(text) {
  if (text.indexOf('/') === 0 || text.indexOf('?') === 0) return false;
  const equalsAt = text.indexOf('=');
  const slashAt = text.indexOf('/');
  return equalsAt !== -1 && (slashAt === -1 || equalsAt < slashAt);
}

// `+` is a space in a URL query; escapes that are not valid UTF-8 keep their text, the rest is
// decoded (shared/text/percent-decode.ts and decode-escapes-tolerantly.ts).
function decodeQueryText(raw) {
  const spaced = raw.split('+').join(' ');
  const decoded = decodeUriComponent(spaced);
  return decoded !== undefined ? decoded : decodeTolerantly(spaced);
}

function decodeTolerantly(text) {
  let output = '';
  let index = 0;
  while (index < text.length) {
    const percentAt = text.indexOf('%', index);
    if (percentAt === -1) return output + text.slice(index);
    output += text.slice(index, percentAt);
    const bytes = escapeRun(text, percentAt);
    if (bytes.length === 0) {
      output += '%';
      index = percentAt + 1;
    } else {
      output += decodeEscapeRun(text, percentAt, bytes);
      index = percentAt + bytes.length * 3;
    }
  }
  return output;
}

function escapeRun(text, start) {
  const bytes = [];
  let cursor = start;
  while (
    text.charAt(cursor) === '%' &&
    isHexDigit(text.charAt(cursor + 1)) &&
    isHexDigit(text.charAt(cursor + 2))
  ) {
    bytes.push(hexValue(text.slice(cursor + 1, cursor + 3)));
    cursor += 3;
  }
  return bytes;
}

function decodeEscapeRun(text, start, bytes) {
  let output = '';
  let position = 0;
  while (position < bytes.length) {
    const length = utf8SequenceLength(bytes, position);
    const size = length === 0 ? 1 : length;
    const escapes = text.slice(start + position * 3, start + (position + size) * 3);
    output += length === 0 ? escapes : decodeUriComponent(escapes);
    position += size;
  }
  return output;
}

// The Unicode Standard's well-formed UTF-8 sequences (table 3-7), as decodeURIComponent takes.
function utf8SequenceLength(bytes, position) {
  const lead = bytes[position];
  if (lead < 0x80) return 1;
  const rule = utf8LeadRule(lead);
  const second = bytes[position + 1];
  if (rule[0] === 0 || second === undefined || second < rule[1] || second > rule[2]) return 0;
  for (let offset = 2; offset < rule[0]; offset++) {
    const next = bytes[position + offset];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return rule[0];
}

function utf8LeadRule(lead) {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}

function isHexDigit(character) {
  return character !== '' && HEX.indexOf(character.toLowerCase()) !== -1;
}

// ---------------------------------------------------------------------------------------------
// Numbers, text and time.

function textOf(value) {
  if (getType(value) === 'string') return value === '' ? undefined : value;
  return isFiniteNumber(value) ? makeString(value) : undefined;
}

function readText(value) {
  if (getType(value) === 'string') return cleanText(value);
  return isFiniteNumber(value) ? makeString(value) : null;
}

function readNonEmptyText(value) {
  if (getType(value) === 'string') return value === '' ? null : cleanText(value);
  return isFiniteNumber(value) ? makeString(value) : null;
}

function readInteger(value) {
  const number = getType(value) === 'string' ? parseWireNumber(value) : value;
  return isSafeInteger(number) ? number : null;
}

function readFiniteNumber(value) {
  const number = getType(value) === 'string' ? parseWireNumber(value) : value;
  return isFiniteNumber(number) ? number : null;
}

// A decimal number as beacons carry it; '', 'NaN', hex and padded text are not numbers.
function parseWireNumber(text) {
  if (text.length === 0) return undefined;
  const allowed = DIGITS + '+-.eE';
  if (runOf(text, 0, allowed).length !== text.length) return undefined;
  const number = makeNumber(text);
  return isFiniteNumber(number) ? number : undefined;
}

function isFiniteNumber(value) {
  return getType(value) === 'number' && value - value === 0;
}

function isSafeInteger(value) {
  return (
    isFiniteNumber(value) && Math.floor(value) === value && Math.abs(value) <= MAX_SAFE_INTEGER
  );
}

// client IDs are <random>.<first-seen seconds> (shared/warehouse/first-touch-from-client-id.ts).
function firstTouchFromClientId(clientId) {
  if (clientId === undefined) return null;
  const parts = clientId.split('.');
  const isShaped =
    parts.length === 2 &&
    parts[0] !== '' &&
    runOf(parts[0], 0, DIGITS) === parts[0] &&
    (parts[1].length === 9 || parts[1].length === 10) &&
    runOf(parts[1], 0, DIGITS) === parts[1];
  if (!isShaped) return null;
  const seconds = makeNumber(parts[1]);
  return seconds >= 1104537600 && seconds <= 4102444800 ? seconds * 1000000 : null;
}

// YYYYMMDD and ISO 8601 in UTC, by the days-from-civil algorithm (no Date in the sandbox).
function formatEventDate(milliseconds) {
  const date = civilDate(milliseconds);
  return makeString(date.year) + pad(date.month, 2) + pad(date.day, 2);
}

function isoTime(milliseconds) {
  const date = civilDate(milliseconds);
  const inDay = milliseconds - Math.floor(milliseconds / 86400000) * 86400000;
  return (
    makeString(date.year) +
    '-' +
    pad(date.month, 2) +
    '-' +
    pad(date.day, 2) +
    'T' +
    pad(Math.floor(inDay / 3600000), 2) +
    ':' +
    pad(Math.floor(inDay / 60000) % 60, 2) +
    ':' +
    pad(Math.floor(inDay / 1000) % 60, 2) +
    '.' +
    pad(Math.floor(inDay) % 1000, 3) +
    'Z'
  );
}

function civilDate(milliseconds) {
  const days = Math.floor(milliseconds / 86400000) + 719468;
  const era = Math.floor(days / 146097);
  const dayOfEra = days - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month: month,
    day: dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1,
  };
}

function pad(number, width) {
  let text = makeString(number);
  while (text.length < width) text = '0' + text;
  return text;
}

// ---------------------------------------------------------------------------------------------
// Text the warehouse can store, JSON with sorted keys, and the 128-bit event fingerprint.

// NUL and a lone UTF-16 surrogate become U+FFFD (shared/warehouse/clean-text.ts).
function cleanText(text) {
  const encoded = encodeUriComponent(text);
  if (encoded !== undefined && encoded.indexOf('%00') === -1) return text;
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    const pair = character + text.charAt(index + 1);
    if (character === '\u0000') {
      result += '\ufffd';
    } else if (encodeUriComponent(character) !== undefined) {
      result += character;
    } else if (index + 1 < text.length && isFourByteSequence(encodeUriComponent(pair))) {
      result += pair;
      index++;
    } else {
      result += '\ufffd';
    }
  }
  return result;
}

function isFourByteSequence(encoded) {
  return encoded !== undefined && encoded.length === 12 && encoded.charAt(1) === 'F';
}

function cleanOptional(value) {
  return value === undefined || value === null ? null : cleanText(value);
}

function cleanJsonValue(value) {
  const type = getType(value);
  if (type === 'string') return cleanText(value);
  if (type === 'array') return value.map(cleanJsonValue);
  if (type !== 'object') return value;
  const copy = {};
  Object.keys(value).forEach((key) => {
    copy[cleanText(key)] = cleanJsonValue(value[key]);
  });
  return copy;
}

// JSON with object keys sorted at every depth (shared/warehouse/canonical-json.ts).
function canonicalJson(value) {
  const text = writeCanonical(value);
  return text === undefined ? 'null' : text;
}

function writeCanonical(value) {
  const type = getType(value);
  if (type === 'array') {
    return (
      '[' +
      value
        .map((entry) => {
          const text = writeCanonical(entry);
          return text === undefined ? 'null' : text;
        })
        .join(',') +
      ']'
    );
  }
  if (type !== 'object') return JSON.stringify(value);
  const parts = [];
  Object.keys(value)
    .sort()
    .forEach((key) => {
      const text = writeCanonical(value[key]);
      if (text !== undefined) parts.push(JSON.stringify(key) + ':' + text);
    });
  return '{' + parts.join(',') + '}';
}

// shared/warehouse/hash-identity.ts, with Math.imul written out (the sandbox has no imul).
function hashIdentity(text) {
  const codes = codeUnits(text);
  const lanes = LANE_SEEDS.slice();
  codes.forEach((code) => {
    for (let lane = 0; lane < 4; lane++) lanes[lane] = imul(lanes[lane] ^ code, LANE_PRIMES[lane]);
  });
  const mixed = lanes.map((value, lane) => avalanche(value ^ text.length ^ ((lane + 1) << 24)));
  const folded = mixed.map((value, lane) => avalanche(value ^ mixed[(lane + 1) % 4]));
  return folded.map(hex8).join('');
}

function avalanche(value) {
  let hash = value;
  hash ^= hash >>> 16;
  hash = imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash;
}

function imul(left, right) {
  const leftHigh = (left >>> 16) & 0xffff;
  const leftLow = left & 0xffff;
  const rightHigh = (right >>> 16) & 0xffff;
  const rightLow = right & 0xffff;
  return (leftLow * rightLow + (((leftHigh * rightLow + leftLow * rightHigh) << 16) >>> 0)) | 0;
}

function hex8(value) {
  let text = '';
  for (let shift = 28; shift >= 0; shift -= 4) text += HEX.charAt((value >>> shift) & 15);
  return text;
}

// UTF-16 code units without charCodeAt: printable ASCII by table, the rest from its UTF-8
// escape, and a lone surrogate from JSON, which writes it as \udXXX.
function codeUnits(text) {
  const codes = [];
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    const ascii = PRINTABLE_ASCII.indexOf(character);
    if (ascii !== -1) {
      codes.push(ascii + 32);
      continue;
    }
    const single = encodeUriComponent(character);
    const pair = encodeUriComponent(character + text.charAt(index + 1));
    if (single !== undefined) {
      codes.push(codePointOf(single));
    } else if (index + 1 < text.length && isFourByteSequence(pair)) {
      const point = codePointOf(pair) - 0x10000;
      codes.push(0xd800 + (point >> 10));
      codes.push(0xdc00 + (point & 0x3ff));
      index++;
    } else {
      codes.push(hexValue(JSON.stringify(character).slice(3, 7)));
    }
  }
  return codes;
}

function codePointOf(encoded) {
  const bytes = encoded.split('%').slice(1).map(hexValue);
  if (bytes.length === 1) return bytes[0];
  if (bytes.length === 2) return ((bytes[0] & 0x1f) << 6) | (bytes[1] & 0x3f);
  if (bytes.length === 3)
    return ((bytes[0] & 0x0f) << 12) | ((bytes[1] & 0x3f) << 6) | (bytes[2] & 0x3f);
  return (
    ((bytes[0] & 0x07) << 18) |
    ((bytes[1] & 0x3f) << 12) |
    ((bytes[2] & 0x3f) << 6) |
    (bytes[3] & 0x3f)
  );
}

function hexValue(text) {
  let value = 0;
  const lower = text.toLowerCase();
  for (let index = 0; index < lower.length; index++)
    value = value * 16 + HEX.indexOf(lower.charAt(index));
  return value;
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

function namesOf(table) {
  return rowsOf(table).map((row) => row.name);
}

function rowsOf(table) {
  if (getType(table) !== 'array') return [];
  return table.filter((entry) => getType(entry) === 'object' && isText(entry.name));
}

function recordOf(value) {
  return getType(value) === 'object' ? value : {};
}

function indexOfKey(entries, key) {
  for (let index = 0; index < entries.length; index++) if (entries[index][0] === key) return index;
  return -1;
}

function shallowCopy(record) {
  const copy = {};
  Object.keys(record).forEach((key) => {
    copy[key] = record[key];
  });
  return copy;
}

function isDigits(text) {
  return text !== '' && runOf(text, 0, DIGITS) === text;
}

function isText(value) {
  return getType(value) === 'string' && value.trim() !== '';
}
