const addConsentListener = require('addConsentListener');
const copyFromDataLayer = require('copyFromDataLayer');
const encodeUriComponent = require('encodeUriComponent');
const generateRandom = require('generateRandom');
const getContainerVersion = require('getContainerVersion');
const getCookieValues = require('getCookieValues');
const getReferrerUrl = require('getReferrerUrl');
const getTimestampMillis = require('getTimestampMillis');
const getType = require('getType');
const getUrl = require('getUrl');
const isConsentGranted = require('isConsentGranted');
const JSON = require('JSON');
const logToConsole = require('logToConsole');
const makeInteger = require('makeInteger');
const makeString = require('makeString');
const Object = require('Object');
const readTitle = require('readTitle');
const sendPixel = require('sendPixel');
const setInWindow = require('setInWindow');

const TEMPLATE_VERSION = '1.0.0';
// The collector reassembles a split hit from at most 64 parts (collector/README.md, split hits).
const MAX_PARTS = 64;
// Old proxies and servers refuse longer request lines; GA4's own GET limit was 8,000 bytes.
const DEFAULT_MAX_URL_LENGTH = 8000;
// Values the collector would not take as an event ID (shared/warehouse/explicit-event-id.ts).
const PLACEHOLDER_IDS = ['', 'undefined', 'null', 'NaN', '[object Object]'];
// gtag command keys that never travel as event parameters.
const COMMAND_KEYS = ['send_to', 'event_callback', 'event_timeout', 'items', 'user_properties'];
// Parameters gtag sends under short keys of their own (ga4-protocol.md §6).
const LIFTED_KEYS = [
  'currency',
  'debug_mode',
  'page_location',
  'page_referrer',
  'page_title',
  'user_id',
];
// GA4 item fields and their two-letter keys inside a prN value (ga4-protocol.md §5).
const ITEM_FIELDS = [
  ['item_id', 'id'],
  ['item_name', 'nm'],
  ['affiliation', 'af'],
  ['coupon', 'cp'],
  ['discount', 'ds'],
  ['index', 'lp'],
  ['item_brand', 'br'],
  ['item_category', 'ca'],
  ['item_category2', 'c2'],
  ['item_category3', 'c3'],
  ['item_category4', 'c4'],
  ['item_category5', 'c5'],
  ['item_list_id', 'li'],
  ['item_list_name', 'ln'],
  ['item_variant', 'va'],
  ['location_id', 'lo'],
  ['price', 'pr'],
  ['quantity', 'qt'],
  ['promotion_id', 'pi'],
  ['promotion_name', 'pn'],
  ['creative_name', 'cn'],
  ['creative_slot', 'cs'],
];
// The decoder reads one digit after k/v, so an item carries at most ten custom parameters.
const MAX_CUSTOM_ITEM_PARAMS = 10;
const DIGITS = '0123456789';

const containerVersion = getContainerVersion() || {};
const isPreview = containerVersion.debugMode === true || containerVersion.previewMode === true;
// Custom item parameters past the tenth of an item, named in the event's log line.
const droppedItemParams = [];

const problem = configurationProblem();
if (problem) {
  log({ action: 'failed', reason: problem });
  return data.gtmOnFailure();
}

const event = collectEvent();
const eventId = chooseEventId(event.params);
if (data.exposeEventId) setInWindow('tagwardenEventId', eventId, true);

if (isConsentGranted('analytics_storage')) {
  sendAndComplete(buildQuery(event, eventId, readIdentity()));
} else if (data.consentMode === 'cookieless') {
  sendAndComplete(buildQuery(event, eventId, undefined));
} else if (data.consentMode === 'waitForUpdate') {
  sendOnceGranted(event, eventId);
  log({ action: 'waiting', event_id: eventId, reason: 'analytics_storage is denied' });
  data.gtmOnSuccess();
} else {
  log({ action: 'skipped', event_id: eventId, reason: 'analytics_storage is denied' });
  data.gtmOnSuccess();
}

function configurationProblem() {
  if (!isText(data.measurementId)) return 'the measurement ID is empty';
  if (!isText(data.eventName)) return 'the event name is empty';
  const endpoint = isText(data.endpoint) ? data.endpoint : '';
  if (endpoint.indexOf('https://') !== 0 && endpoint.indexOf('http://') !== 0) {
    return 'the collector endpoint must be an http(s) URL';
  }
  return undefined;
}

// What the event says, read once when the tag fires: a later consent update sends this.
function collectEvent() {
  const params = createEntries();
  const userProperties = createEntries();
  const settings = data.eventSettingsVariable;
  if (getType(settings) === 'object') {
    Object.keys(settings).forEach((name) => {
      if (name === 'user_properties' && getType(settings[name]) === 'object') {
        addAll(userProperties, settings[name]);
      } else {
        setEntry(params, name, settings[name]);
      }
    });
  }
  if (data.sendEcommerceData) {
    const ecommerce = copyFromDataLayer('ecommerce', 2);
    if (getType(ecommerce) === 'object') addAll(params, ecommerce);
  }
  rowsOf(data.eventParameters).forEach((row) => setEntry(params, row.name, row.value));
  rowsOf(data.userProperties).forEach((row) => setEntry(userProperties, row.name, row.value));
  return {
    name: makeString(data.eventName),
    params: params,
    userProperties: userProperties,
    pageLocation: getUrl(),
    pageReferrer: getReferrerUrl(),
    pageTitle: readTitle(),
  };
}

function chooseEventId(params) {
  const given = idText(valueOf(params, joinKeyName()));
  if (given !== undefined) return given;
  const fallback = idText(valueOf(params, 'event_id'));
  if (fallback !== undefined) return fallback;
  return (
    makeString(getTimestampMillis()) +
    '.' +
    makeString(generateRandom(100000000, 999999999)) +
    makeString(generateRandom(100000000, 999999999))
  );
}

function idText(value) {
  const type = getType(value);
  if (type === 'number' && value - value === 0) return makeString(value);
  if (type !== 'string') return undefined;
  const text = value.trim();
  if (PLACEHOLDER_IDS.indexOf(text) !== -1 || text.length > 128) return undefined;
  return text;
}

function sendOnceGranted(snapshot, id) {
  let isSent = false;
  addConsentListener('analytics_storage', (consentType, isGranted) => {
    if (!isGranted || isSent) return;
    isSent = true;
    sendLater(buildQuery(snapshot, id, readIdentity()));
  });
}

// The client ID from _ga and the session from _ga_<stream>, in the GS1 and GS2 formats.
function readIdentity() {
  const prefix = isText(data.cookiePrefix) ? data.cookiePrefix : '';
  const stream = data.measurementId.split('-').slice(1).join('-');
  return {
    clientId: firstReading(getCookieValues(prefix + '_ga'), readClientId),
    session: firstReading(getCookieValues(prefix + '_ga_' + stream), readSession),
  };
}

function firstReading(values, read) {
  const list = getType(values) === 'array' ? values : [];
  for (let index = 0; index < list.length; index++) {
    const reading = read(makeString(list[index]).trim());
    if (reading !== undefined) return reading;
  }
  return undefined;
}

// GA1.1.1234567890.1700000000 → 1234567890.1700000000 (ga4-protocol.md §3.2).
function readClientId(value) {
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0].indexOf('GA') !== 0) return undefined;
  if (!isDigits(parts[2]) || !isDigits(parts[3])) return undefined;
  return parts[2] + '.' + parts[3];
}

// GS1.1.<session>.<number>.<engaged>.… or GS2.1.s<session>$o<number>$g<engaged>$t….
function readSession(value) {
  const parts = value.split('.');
  if (parts[0] === 'GS1' && parts.length >= 4) {
    return sessionOf(parts[2], parts[3], parts[4]);
  }
  if (parts[0] !== 'GS2' || parts.length < 3) return undefined;
  const fields = {};
  parts
    .slice(2)
    .join('.')
    .split('$')
    .forEach((field) => {
      fields[field.charAt(0)] = field.slice(1);
    });
  return sessionOf(fields.s, fields.o, fields.g);
}

function sessionOf(id, number, engaged) {
  if (!isDigits(id) || !isDigits(number)) return undefined;
  return {
    id: id,
    number: number,
    engaged: engaged === '1' || engaged === '0' ? engaged : undefined,
  };
}

// The GA4 query in gtag's vocabulary: typed ep./epn. parameters, up./upn. properties, prN items.
function buildQuery(snapshot, id, identity) {
  const params = snapshot.params;
  const pairs = [
    ['v', '2'],
    ['tid', data.measurementId],
  ];
  if (isPreview || isTruthy(valueOf(params, 'debug_mode'))) pairs.push(['_dbg', '1']);
  if (identity) addIdentity(pairs, identity, params);
  const analytics = bit(isConsentGranted('analytics_storage'));
  pairs.push(['gcs', 'G1' + bit(isConsentGranted('ad_storage')) + analytics]);
  addText(pairs, 'dl', overrideOf(params, 'page_location', snapshot.pageLocation));
  addText(pairs, 'dr', overrideOf(params, 'page_referrer', snapshot.pageReferrer));
  addText(pairs, 'dt', overrideOf(params, 'page_title', snapshot.pageTitle));
  pairs.push(['en', snapshot.name]);
  addText(pairs, 'cu', valueOf(params, 'currency'));
  params.names.forEach((name, index) => {
    if (isLifted(name) || name === 'event_id' || name === joinKeyName()) return;
    addTyped(pairs, 'ep.', 'epn.', name, params.values[index]);
  });
  pairs.push(['ep.event_id', id]);
  if (joinKeyName() !== 'event_id') pairs.push(['ep.' + joinKeyName(), id]);
  snapshot.userProperties.names.forEach((name, index) => {
    addTyped(pairs, 'up.', 'upn.', name, snapshot.userProperties.values[index]);
  });
  addItems(pairs, valueOf(params, 'items'));
  return pairs;
}

function addIdentity(pairs, identity, params) {
  addText(pairs, 'cid', identity.clientId);
  addText(pairs, 'uid', isText(data.userId) ? data.userId : valueOf(params, 'user_id'));
  if (!identity.session) return;
  pairs.push(['sid', identity.session.id]);
  pairs.push(['sct', identity.session.number]);
  addText(pairs, 'seg', identity.session.engaged);
}

function addTyped(pairs, textPrefix, numberPrefix, name, value) {
  const type = getType(value);
  if (type === 'number') {
    if (value - value === 0) pairs.push([numberPrefix + name, makeString(value)]);
    return;
  }
  const text = valueText(value);
  if (text !== undefined) pairs.push([textPrefix + name, text]);
}

function addItems(pairs, items) {
  if (getType(items) !== 'array') return;
  let number = 0;
  items.forEach((item) => {
    if (getType(item) !== 'object') return;
    const text = itemText(item);
    if (text === '') return;
    number++;
    pairs.push(['pr' + number, text, true]);
  });
}

// One item as `~`-joined tokens, each value encoded on its own: the collector splits on `~`
// before decoding, so a `~` inside a value travels as %7E (ga4-protocol.md §5).
function itemText(item) {
  const tokens = [];
  const standard = [];
  ITEM_FIELDS.forEach((field) => {
    standard.push(field[0]);
    const text = valueText(item[field[0]]);
    if (text !== undefined) tokens.push(field[1] + encodeItemValue(text));
  });
  let custom = 0;
  Object.keys(item).forEach((key) => {
    const text = valueText(item[key]);
    if (standard.indexOf(key) !== -1 || text === undefined || key === '') return;
    if (custom === MAX_CUSTOM_ITEM_PARAMS) {
      if (droppedItemParams.indexOf(key) === -1) droppedItemParams.push(key);
      return;
    }
    tokens.push('k' + custom + encodeItemValue(key));
    tokens.push('v' + custom + encodeItemValue(text));
    custom++;
  });
  return tokens.join('~');
}

function encodeItemValue(text) {
  return encodeText(text).split('~').join('%7E');
}

// The tag completes with the answer to the last request. For a split hit that is enough: the
// collector answers no part before all have arrived and the hit is stored, and then answers
// every part alike; a lost part makes the whole hit time out (collector/README.md, split hits).
function sendAndComplete(pairs) {
  const urls = requestUrls(toQuery(pairs));
  logSending(urls);
  if (urls.length === 0) return data.gtmOnFailure();
  urls.slice(0, -1).forEach((url) => sendPixel(url));
  sendPixel(urls[urls.length - 1], data.gtmOnSuccess, data.gtmOnFailure);
}

// After the tag has completed (a consent update came later), nothing waits for the answers.
function sendLater(pairs) {
  const urls = requestUrls(toQuery(pairs));
  logSending(urls);
  urls.forEach((url) => sendPixel(url));
}

function logSending(urls) {
  const entry =
    urls.length === 0
      ? { action: 'failed', event_id: eventId, reason: 'the event is too large to send' }
      : { action: 'sent', event_id: eventId, event_name: event.name, requests: urls.length };
  if (droppedItemParams.length > 0) entry.left_out_item_parameters = droppedItemParams;
  log(entry);
}

// Item values arrive encoded token by token (a third element says so); the rest is encoded here.
function toQuery(pairs) {
  return pairs
    .map(
      (pair) => encodeText(pair[0]) + '=' + (pair[2] ? pair[1] : encodeText(makeString(pair[1]))),
    )
    .join('&');
}

// One URL when it fits; otherwise parts that carry only slices of the query in tw_data, sent
// all at once: the collector answers no part before it has them all (collector/README.md).
function requestUrls(query) {
  const endpoint = data.endpoint;
  const questionAt = endpoint.indexOf('?');
  const base = questionAt === -1 ? endpoint : endpoint.slice(0, questionAt);
  const endpointQuery = questionAt === -1 ? '' : endpoint.slice(questionAt + 1);
  const fullQuery = endpointQuery === '' ? query : endpointQuery + '&' + query;
  const marks = 'tw_src=web_mirror&tw_tv=' + TEMPLATE_VERSION;
  const single = base + '?' + fullQuery + '&' + marks;
  const limit = maxUrlLength();
  if (single.length <= limit) return [single];
  return splitUrls(base + '?' + marks, encodeUriComponent(fullQuery), limit);
}

function splitUrls(head, encoded, limit) {
  const messageId =
    makeString(getTimestampMillis()) + '-' + makeString(generateRandom(1, 999999999));
  const prefix = head + '&tw_msg=' + messageId + '&tw_part=';
  const room = limit - (prefix.length + '64/64&tw_data='.length);
  if (room < 16 || encoded.length > room * MAX_PARTS) return [];
  const slices = [];
  let start = 0;
  while (start < encoded.length) {
    let end = start + room;
    // A slice never ends inside a %XX escape: the collector decodes each slice on its own.
    if (encoded.charAt(end - 1) === '%') end -= 1;
    else if (encoded.charAt(end - 2) === '%') end -= 2;
    slices.push(encoded.slice(start, end));
    start = end;
  }
  if (slices.length > MAX_PARTS) return [];
  return slices.map(
    (slice, index) => prefix + (index + 1) + '/' + slices.length + '&tw_data=' + slice,
  );
}

function maxUrlLength() {
  const length = makeInteger(data.maxUrlLength);
  return length >= 1000 ? length : DEFAULT_MAX_URL_LENGTH;
}

// encodeUriComponent gives undefined for a lone UTF-16 surrogate; such a character travels as
// U+FFFD, as the warehouse would store it anyway.
function encodeText(text) {
  const encoded = encodeUriComponent(text);
  if (encoded !== undefined) return encoded;
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const single = encodeUriComponent(text.charAt(index));
    const pair = encodeUriComponent(text.charAt(index) + text.charAt(index + 1));
    if (single !== undefined) {
      result += single;
    } else if (pair !== undefined) {
      result += pair;
      index++;
    } else {
      result += '%EF%BF%BD';
    }
  }
  return result;
}

function valueText(value) {
  const type = getType(value);
  if (type === 'string') return value;
  if (type === 'number') return value - value === 0 ? makeString(value) : undefined;
  if (type === 'boolean') return value ? 'true' : 'false';
  if (type === 'object' || type === 'array') return JSON.stringify(value);
  return undefined;
}

function addText(pairs, key, value) {
  const text = valueText(value);
  if (text !== undefined && text !== '') pairs.push([key, text]);
}

function overrideOf(params, name, pageValue) {
  const value = valueOf(params, name);
  return value === undefined ? pageValue : value;
}

function isLifted(name) {
  return LIFTED_KEYS.indexOf(name) !== -1 || COMMAND_KEYS.indexOf(name) !== -1;
}

function joinKeyName() {
  return isText(data.joinKeyParameter) ? data.joinKeyParameter : 'event_id';
}

// Ordered name → value entries: a later value replaces an earlier one in its place.
function createEntries() {
  return { names: [], values: [] };
}

function setEntry(entries, name, value) {
  const key = makeString(name);
  if (key === '' || value === undefined || value === null) return;
  const at = entries.names.indexOf(key);
  if (at === -1) {
    entries.names.push(key);
    entries.values.push(value);
  } else {
    entries.values[at] = value;
  }
}

function addAll(entries, record) {
  Object.keys(record).forEach((name) => setEntry(entries, name, record[name]));
}

function valueOf(entries, name) {
  const at = entries.names.indexOf(name);
  return at === -1 ? undefined : entries.values[at];
}

function rowsOf(table) {
  if (getType(table) !== 'array') return [];
  return table.filter((row) => getType(row) === 'object' && isText(row.name));
}

function isText(value) {
  return getType(value) === 'string' && value.trim() !== '';
}

function isDigits(value) {
  if (getType(value) !== 'string' || value === '') return false;
  for (let index = 0; index < value.length; index++) {
    if (DIGITS.indexOf(value.charAt(index)) === -1) return false;
  }
  return true;
}

function isTruthy(value) {
  return value === true || value === 1 || value === 'true' || value === '1';
}

function bit(isSet) {
  return isSet ? '1' : '0';
}

// One JSON object per event, in preview only (the logging permission is debug).
function log(entry) {
  entry.tag = 'tagwarden-web-mirror';
  entry.template_version = TEMPLATE_VERSION;
  logToConsole(JSON.stringify(entry));
}
