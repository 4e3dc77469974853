___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "tagwarden GA4 mirror (web)",
  "categories": [
    "ANALYTICS",
    "DATA_WAREHOUSING"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "tagwarden"
  },
  "description": "Fires beside a GA4 event tag and sends the same event, field for field, to your tagwarden collector, with an event ID that joins it to its GA4 copy.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "measurementId",
    "displayName": "Measurement ID",
    "simpleValueType": true,
    "help": "The GA4 measurement ID of the event tag this tag mirrors, e.g. G-ABC123. It names the _ga_&lt;id&gt; cookie the session is read from.",
    "valueHint": "G-ABC123",
    "alwaysInSummary": true,
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      },
      {
        "type": "REGEX",
        "args": [
          "^G-[A-Z0-9]{4,20}$"
        ],
        "errorMessage": "A GA4 measurement ID looks like G-ABC123."
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "eventName",
    "displayName": "Event name",
    "simpleValueType": true,
    "help": "The same event name as the GA4 event tag, e.g. purchase or {{Event}}.",
    "alwaysInSummary": true,
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "endpoint",
    "displayName": "Collector endpoint",
    "simpleValueType": true,
    "help": "The tagwarden collector's GA4 path, e.g. https://collect.example.com/g/collect. Hits are GET requests marked as mirror traffic.",
    "valueHint": "https://collect.example.com/g/collect",
    "alwaysInSummary": true,
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      },
      {
        "type": "REGEX",
        "args": [
          "^https?://[^\\s?#]+(\\?[^\\s#]*)?$"
        ],
        "errorMessage": "Enter the collector's URL, e.g. https://collect.example.com/g/collect."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "eventFields",
    "displayName": "Event parameters and user properties",
    "groupStyle": "ZIPPY_OPEN",
    "subParams": [
      {
        "type": "TEXT",
        "name": "eventSettingsVariable",
        "displayName": "Event settings variable",
        "simpleValueType": true,
        "help": "Optional: the Google Tag: Event Settings variable the GA4 tag uses. Its parameters are sent first; a user_properties object inside it becomes user properties."
      },
      {
        "type": "SIMPLE_TABLE",
        "name": "eventParameters",
        "displayName": "Event parameters",
        "help": "The GA4 tag's event parameters. A row here wins over the same name from the settings variable or the ecommerce object.",
        "simpleTableColumns": [
          {
            "defaultValue": "",
            "displayName": "Parameter name",
            "name": "name",
            "type": "TEXT",
            "isUnique": true,
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              }
            ]
          },
          {
            "defaultValue": "",
            "displayName": "Value",
            "name": "value",
            "type": "TEXT"
          }
        ],
        "newRowButtonText": "Add parameter"
      },
      {
        "type": "SIMPLE_TABLE",
        "name": "userProperties",
        "displayName": "User properties",
        "simpleTableColumns": [
          {
            "defaultValue": "",
            "displayName": "Property name",
            "name": "name",
            "type": "TEXT",
            "isUnique": true,
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              }
            ]
          },
          {
            "defaultValue": "",
            "displayName": "Value",
            "name": "value",
            "type": "TEXT"
          }
        ],
        "newRowButtonText": "Add property"
      },
      {
        "type": "TEXT",
        "name": "userId",
        "displayName": "User ID",
        "simpleValueType": true,
        "help": "Optional: the user_id the GA4 tag sends. A user_id event parameter is used when this is empty."
      },
      {
        "type": "CHECKBOX",
        "name": "sendEcommerceData",
        "checkboxText": "Send ecommerce data from the dataLayer (the ecommerce object, items as GA4 items)",
        "simpleValueType": true,
        "defaultValue": false,
        "displayName": ""
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "joinKey",
    "displayName": "Join key",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "TEXT",
        "name": "joinKeyParameter",
        "displayName": "Join key parameter",
        "simpleValueType": true,
        "defaultValue": "event_id",
        "help": "The event parameter that joins a mirrored event to its GA4 copy. When the tag's fields already carry it, that value is used; otherwise a new ID is made (timestamp and random digits). The mirror always sends it as event_id too.",
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          },
          {
            "type": "REGEX",
            "args": [
              "^[A-Za-z][A-Za-z0-9_]{0,39}$"
            ],
            "errorMessage": "A GA4 parameter name: a letter, then letters, digits or underscores."
          }
        ]
      },
      {
        "type": "CHECKBOX",
        "name": "exposeEventId",
        "checkboxText": "Store the ID in window.tagwardenEventId for the GA4 tag (fire this tag as its setup tag)",
        "simpleValueType": true,
        "defaultValue": false,
        "displayName": ""
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "consentAndIdentity",
    "displayName": "Consent and identity",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "SELECT",
        "name": "consentMode",
        "displayName": "While analytics_storage is denied",
        "macrosInSelect": false,
        "selectItems": [
          {
            "value": "skip",
            "displayValue": "Send nothing"
          },
          {
            "value": "cookieless",
            "displayValue": "Send without identifiers (no cookies read, no client or user ID)"
          },
          {
            "value": "waitForUpdate",
            "displayValue": "Wait for a consent update, then send with identifiers"
          }
        ],
        "simpleValueType": true,
        "defaultValue": "skip"
      },
      {
        "type": "TEXT",
        "name": "cookiePrefix",
        "displayName": "Cookie prefix",
        "simpleValueType": true,
        "help": "Only when the Google tag sets cookie_prefix: the client ID is then read from &lt;prefix&gt;_ga."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "advanced",
    "displayName": "Advanced",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "TEXT",
        "name": "maxUrlLength",
        "displayName": "Longest URL per request",
        "simpleValueType": true,
        "defaultValue": 8000,
        "help": "An event whose URL would be longer is split across several requests that the collector puts back together.",
        "valueValidators": [
          {
            "type": "REGEX",
            "args": [
              "^[1-9][0-9]{3,4}$"
            ],
            "errorMessage": "A length from 1000 to 99999 characters."
          }
        ]
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

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


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "access_consent",
        "versionId": "1"
      },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics_storage"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_storage"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "tagwardenEventId"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "get_cookies",
        "versionId": "1"
      },
      "param": [
        {
          "key": "cookieAccess",
          "value": {
            "type": 1,
            "string": "any"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "get_referrer",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urlParts",
          "value": {
            "type": 1,
            "string": "any"
          }
        },
        {
          "key": "queriesAllowed",
          "value": {
            "type": 1,
            "string": "any"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "get_url",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urlParts",
          "value": {
            "type": 1,
            "string": "any"
          }
        },
        {
          "key": "queriesAllowed",
          "value": {
            "type": 1,
            "string": "any"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "read_container_data",
        "versionId": "1"
      },
      "param": []
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "read_data_layer",
        "versionId": "1"
      },
      "param": [
        {
          "key": "allowedKeys",
          "value": {
            "type": 1,
            "string": "specific"
          }
        },
        {
          "key": "keyPatterns",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "ecommerce"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "read_title",
        "versionId": "1"
      },
      "param": []
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "send_pixel",
        "versionId": "1"
      },
      "param": [
        {
          "key": "allowedUrls",
          "value": {
            "type": 1,
            "string": "any"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios:
- name: Sends a purchase as one GA4-protocol hit marked as web mirror traffic
  code: |-
    runCode(mockData);

    assertThat(sentUrls).isEqualTo([
      'https://collect.tagwarden.example/g/collect?v=2&tid=G-ABC123' +
        '&cid=111111121.1700000021&sid=1766755460&sct=2&seg=1&gcs=G111' +
        '&dl=https%3A%2F%2Fwww.example.com%2Fcheckout%3Fstep%3D2' +
        '&dr=https%3A%2F%2Fwww.example.com%2Fcart&dt=Checkout&en=purchase&cu=USD' +
        '&epn.value=72.05&ep.transaction_id=T_12345' +
        '&ep.event_id=1766755461000.100000000100000000&up.customer_tier=gold' +
        '&tw_src=web_mirror&tw_tv=1.0.0'
    ]);
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: Types parameters as gtag does, numbers as epn and text and booleans as ep
  code: |-
    mockData.eventParameters = [
      { name: 'value', value: '7630' },
      { name: 'shipping', value: 5.99 },
      { name: 'quantity', value: 3 },
      { name: 'is_gift', value: false },
      { name: 'tags', value: ['a', 'b'] },
      { name: 'empty', value: undefined },
      { name: 'broken', value: 0 / 0 }
    ];
    mockData.userProperties = [{ name: 'lifetime_orders', value: 4 }];

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs['ep.value']).isEqualTo('7630');
    assertThat(pairs['epn.shipping']).isEqualTo('5.99');
    assertThat(pairs['epn.quantity']).isEqualTo('3');
    assertThat(pairs['ep.is_gift']).isEqualTo('false');
    assertThat(pairs['ep.tags']).isEqualTo('["a","b"]');
    assertThat(pairs['upn.lifetime_orders']).isEqualTo('4');
    assertThat(pairs['ep.empty']).isUndefined();
    assertThat(pairs['epn.broken']).isUndefined();
- name: Lets page_location, page_referrer and page_title parameters replace the page's own
  code: |-
    mockData.eventParameters = [
      { name: 'page_location', value: 'https://www.example.com/virtual/thanks' },
      { name: 'page_title', value: 'Thank you' },
      { name: 'page_referrer', value: 'https://search.example/' }
    ];

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs.dl).isEqualTo('https://www.example.com/virtual/thanks');
    assertThat(pairs.dt).isEqualTo('Thank you');
    assertThat(pairs.dr).isEqualTo('https://search.example/');
    assertThat(pairs['ep.page_location']).isUndefined();
- name: Leaves out an empty referrer as gtag does
  code: |-
    mock('getReferrerUrl', '');

    runCode(mockData);

    assertThat(pairsOf(sentUrls[0]).dr).isUndefined();
- name: Reads the client ID from _ga and the session from a GS2.1 _ga_ cookie
  code: |-
    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs.cid).isEqualTo('111111121.1700000021');
    assertThat(pairs.sid).isEqualTo('1766755460');
    assertThat(pairs.sct).isEqualTo('2');
    assertThat(pairs.seg).isEqualTo('1');
    assertApi('getCookieValues').wasCalledWith('_ga');
    assertApi('getCookieValues').wasCalledWith('_ga_ABC123');
- name: Reads the session from an older GS1.1 _ga_ cookie
  code: |-
    cookies._ga_ABC123 = ['GS1.1.1700000100.4.0.1700000200.0.0.0'];

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs.sid).isEqualTo('1700000100');
    assertThat(pairs.sct).isEqualTo('4');
    assertThat(pairs.seg).isEqualTo('0');
- name: Skips a malformed cookie value and uses the next one that reads
  code: |-
    cookies._ga = ['GA1.1.not-a-client', 'GA1.2.222222222.1700000022'];
    cookies._ga_ABC123 = ['GS9.1.whatever', 'GS2.1.s1766000000$o7'];

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs.cid).isEqualTo('222222222.1700000022');
    assertThat(pairs.sid).isEqualTo('1766000000');
    assertThat(pairs.sct).isEqualTo('7');
    assertThat(pairs.seg).isUndefined();
- name: Reads the cookies under the configured cookie prefix
  code: |-
    mockData.cookiePrefix = 'shop';
    cookies.shop_ga = ['GA1.1.333333333.1700000033'];

    runCode(mockData);

    assertApi('getCookieValues').wasCalledWith('shop_ga');
    assertApi('getCookieValues').wasCalledWith('shop_ga_ABC123');
    assertThat(pairsOf(sentUrls[0]).cid).isEqualTo('333333333.1700000033');
- name: Still mirrors the event when the GA cookies are missing, without client ID or session
  code: |-
    cookies._ga = [];
    cookies._ga_ABC123 = [];

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs.en).isEqualTo('purchase');
    assertThat(pairs.cid).isUndefined();
    assertThat(pairs.sid).isUndefined();
    assertApi('gtmOnSuccess').wasCalled();
- name: Sends the user ID field as uid and falls back to a user_id parameter
  code: |-
    mockData.userId = 'U-42';
    runCode(mockData);
    assertThat(pairsOf(sentUrls[0]).uid).isEqualTo('U-42');

    mockData.userId = '';
    mockData.eventParameters = [{ name: 'user_id', value: 'U-43' }];
    runCode(mockData);
    assertThat(pairsOf(sentUrls[1]).uid).isEqualTo('U-43');
    assertThat(pairsOf(sentUrls[1])['ep.user_id']).isUndefined();
- name: Sends nothing while analytics storage is denied in skip mode, and still succeeds
  code: |-
    consent.analytics_storage = false;

    runCode(mockData);

    assertApi('sendPixel').wasNotCalled();
    assertApi('getCookieValues').wasNotCalled();
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: Sends a cookieless hit without any identifier when analytics storage is denied
  code: |-
    consent.analytics_storage = false;
    consent.ad_storage = false;
    mockData.consentMode = 'cookieless';
    mockData.userId = 'U-42';

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertApi('getCookieValues').wasNotCalled();
    assertThat(pairs.cid).isUndefined();
    assertThat(pairs.uid).isUndefined();
    assertThat(pairs.sid).isUndefined();
    assertThat(pairs.gcs).isEqualTo('G100');
    assertThat(pairs['ep.event_id']).isEqualTo('1766755461000.100000000100000000');
    assertApi('gtmOnSuccess').wasCalled();
- name: Waits for a consent update, then sends once with the identifiers
  code: |-
    consent.analytics_storage = false;
    mockData.consentMode = 'waitForUpdate';
    let listener;
    mock('addConsentListener', function (consentType, callback) {
      assertThat(consentType).isEqualTo('analytics_storage');
      listener = callback;
    });

    runCode(mockData);
    assertApi('sendPixel').wasNotCalled();
    assertApi('gtmOnSuccess').wasCalled();

    consent.analytics_storage = true;
    listener('analytics_storage', true);
    listener('analytics_storage', true);

    assertThat(sentUrls).hasLength(1);
    assertThat(pairsOf(sentUrls[0]).cid).isEqualTo('111111121.1700000021');
    assertThat(pairsOf(sentUrls[0]).gcs).isEqualTo('G111');
    assertApi('gtmOnFailure').wasNotCalled();
- name: Sends nothing when the awaited consent update denies analytics storage
  code: |-
    consent.analytics_storage = false;
    mockData.consentMode = 'waitForUpdate';
    let listener;
    mock('addConsentListener', function (consentType, callback) {
      listener = callback;
    });

    runCode(mockData);
    listener('analytics_storage', false);

    assertApi('sendPixel').wasNotCalled();
    assertApi('gtmOnSuccess').wasCalled();
- name: Sends the event as the dataLayer held it when the tag fired, not at the consent update
  code: |-
    consent.analytics_storage = false;
    mockData.consentMode = 'waitForUpdate';
    mockData.sendEcommerceData = true;
    mockData.eventParameters = [];
    let ecommerce = { currency: 'EUR', value: 10 };
    mock('copyFromDataLayer', function () {
      return ecommerce;
    });
    let listener;
    mock('addConsentListener', function (consentType, callback) {
      listener = callback;
    });

    runCode(mockData);
    ecommerce = { currency: 'GBP', value: 99 };
    listener('analytics_storage', true);

    assertThat(pairsOf(sentUrls[0]).cu).isEqualTo('EUR');
    assertThat(pairsOf(sentUrls[0])['epn.value']).isEqualTo('10');
- name: Records the ad_storage and analytics_storage states in gcs
  code: |-
    consent.ad_storage = false;

    runCode(mockData);

    assertThat(pairsOf(sentUrls[0]).gcs).isEqualTo('G101');
- name: Uses the join key the tag's parameters carry as the event ID
  code: |-
    mockData.eventParameters.push({ name: 'event_id', value: 'evt-789' });

    runCode(mockData);

    assertThat(pairsOf(sentUrls[0])['ep.event_id']).isEqualTo('evt-789');
    assertApi('generateRandom').wasNotCalled();
- name: Sends the join key under a custom parameter name as well as event_id
  code: |-
    mockData.joinKeyParameter = 'mirror_key';
    mockData.eventParameters.push({ name: 'mirror_key', value: 12345 });

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs['ep.event_id']).isEqualTo('12345');
    assertThat(pairs['ep.mirror_key']).isEqualTo('12345');
    assertThat(pairs['epn.mirror_key']).isUndefined();
- name: Makes a fresh event ID when the join key holds a placeholder such as undefined
  code: |-
    mockData.eventParameters.push({ name: 'event_id', value: 'undefined' });

    runCode(mockData);

    assertThat(pairsOf(sentUrls[0])['ep.event_id']).isEqualTo('1766755461000.100000000100000000');
- name: Stores the event ID in window.tagwardenEventId only when asked to
  code: |-
    runCode(mockData);
    assertApi('setInWindow').wasNotCalled();

    mockData.exposeEventId = true;
    runCode(mockData);
    assertApi('setInWindow').wasCalledWith(
      'tagwardenEventId',
      '1766755461000.100000000100000000',
      true
    );
- name: Reads the event settings variable first and lets the table's parameters win
  code: |-
    mockData.eventSettingsVariable = {
      value: 1,
      affiliation: 'Outlet',
      user_properties: { plan: 'pro', customer_tier: 'silver' }
    };

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs['epn.value']).isEqualTo('72.05');
    assertThat(pairs['ep.affiliation']).isEqualTo('Outlet');
    assertThat(pairs['up.plan']).isEqualTo('pro');
    assertThat(pairs['up.customer_tier']).isEqualTo('gold');
    assertThat(pairs['ep.user_properties']).isUndefined();
- name: Sends the dataLayer's ecommerce object with Google's example item as a pr1 string
  code: |-
    mockData.eventParameters = [];
    mockData.sendEcommerceData = true;
    mock('copyFromDataLayer', function (key, version) {
      assertThat(key).isEqualTo('ecommerce');
      assertThat(version).isEqualTo(2);
      return {
        currency: 'USD',
        value: 30.03,
        transaction_id: 'T_12345',
        items: [exampleItem]
      };
    });

    runCode(mockData);

    const pairs = pairsOf(sentUrls[0]);
    assertThat(pairs.cu).isEqualTo('USD');
    assertThat(pairs['epn.value']).isEqualTo('30.03');
    assertThat(pairs['ep.items']).isUndefined();
    assertThat(pairs.pr1).isEqualTo(
      'idSKU_12345~nmStan and Friends Tee~afGoogle Merchandise Store~cpSUMMER_FUN~ds2.22' +
        '~lp0~brGoogle~caApparel~c2Adult~c3Shirts~c4Crew~c5Short sleeve' +
        '~lirelated_products~lnRelated Products~vagreen~loChIJIQBpAG2ahYAR_6128GcTUEo' +
        '~pr10.01~qt3'
    );
- name: Leaves the dataLayer alone when ecommerce data is off
  code: |-
    runCode(mockData);

    assertApi('copyFromDataLayer').wasNotCalled();
- name: Sends custom item parameters as k and v pairs and escapes a tilde inside a value
  code: |-
    mockData.eventParameters = [
      {
        name: 'items',
        value: [
          { item_id: 'A~1', google_business_vertical: 'retail', size: 'XL' },
          'not an item',
          { item_name: 'Second' }
        ]
      }
    ];

    runCode(mockData);

    assertThat(sentUrls[0]).contains(
      '&pr1=idA%7E1~k0google_business_vertical~v0retail~k1size~v1XL&pr2=nmSecond&'
    );
- name: Keeps ten custom item parameters and names the ones left out in the log line
  code: |-
    const logs = [];
    mock('logToConsole', function (text) {
      logs.push(JSON.parse(text));
    });
    const item = { item_id: 'SKU_1' };
    for (let index = 0; index < 12; index++) {
      item['custom_' + index] = 'v' + index;
    }
    mockData.eventParameters = [{ name: 'items', value: [item] }];

    runCode(mockData);

    const tokens = pairsOf(sentUrls[0]).pr1.split('~');
    assertThat(tokens).hasLength(21);
    assertThat(tokens[20]).isEqualTo('v9v9');
    assertThat(logs[0].left_out_item_parameters).isEqualTo(['custom_10', 'custom_11']);
- name: Splits an event too long for one URL into parts that rebuild the whole hit
  code: |-
    mockData.maxUrlLength = 99999;
    mockData.eventParameters = [{ name: 'items', value: thirtyItems() }];
    runCode(mockData);
    const whole = sentUrls[0].split('?')[1].split('&tw_src=')[0];

    mockData.maxUrlLength = 2000;
    runCode(mockData);

    const parts = sentUrls.slice(1);
    assertThat(parts.length).isGreaterThan(2);
    let rebuilt = '';
    parts.forEach(function (url, index) {
      const pairs = pairsOf(url);
      assertThat(url.length).isLessThanOrEqualTo(2000);
      assertThat(pairs.tw_src).isEqualTo('web_mirror');
      assertThat(pairs.tw_part).isEqualTo(index + 1 + '/' + parts.length);
      assertThat(pairs.tw_msg).isEqualTo(pairsOf(parts[0]).tw_msg);
      assertThat(pairs.en).isUndefined();
      rebuilt += pairs.tw_data;
    });
    assertThat(rebuilt).isEqualTo(whole);
    assertApi('gtmOnSuccess').wasCalled();
- name: Keeps an endpoint's own query inside the split data
  code: |-
    mockData.endpoint = 'https://collect.tagwarden.example/g/collect?site=shop';
    mockData.maxUrlLength = 1000;
    mockData.eventParameters = [{ name: 'items', value: thirtyItems() }];

    runCode(mockData);

    assertThat(sentUrls[0].indexOf('https://collect.tagwarden.example/g/collect?tw_src=')).isEqualTo(0);
    assertThat(pairsOf(sentUrls[0]).tw_data.indexOf('site=shop&v=2&')).isEqualTo(0);
- name: Fails the tag without sending when the event cannot fit in 64 parts
  code: |-
    mockData.maxUrlLength = 1000;
    let items = [];
    for (let index = 0; index < 12; index++) {
      items = items.concat(thirtyItems());
    }
    mockData.eventParameters = [{ name: 'items', value: items }];

    runCode(mockData);

    assertApi('sendPixel').wasNotCalled();
    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: Completes a split hit with the answer to its last part, which the collector gives once all are stored
  code: |-
    mockData.maxUrlLength = 2000;
    mockData.eventParameters = [{ name: 'items', value: thirtyItems() }];
    const answers = [];
    mock('sendPixel', function (url, onSuccess, onFailure) {
      sentUrls.push(url);
      answers.push({ onSuccess: onSuccess, onFailure: onFailure });
    });

    runCode(mockData);
    const last = answers[answers.length - 1];
    assertThat(answers.length).isGreaterThan(2);
    assertThat(answers[0].onSuccess).isUndefined();
    assertThat(pairsOf(sentUrls[answers.length - 1]).tw_part).isEqualTo(answers.length + '/' + answers.length);
    assertApi('gtmOnFailure').wasNotCalled();
    last.onFailure();

    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: Fails the tag when the pixel cannot be sent
  code: |-
    mock('sendPixel', function (url, onSuccess, onFailure) {
      onFailure();
    });

    runCode(mockData);

    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: Fails the tag without sending when the measurement ID or the endpoint is missing
  code: |-
    mockData.measurementId = '';
    runCode(mockData);
    mockData.measurementId = 'G-ABC123';
    mockData.endpoint = 'collect.tagwarden.example/g/collect';
    runCode(mockData);

    assertApi('sendPixel').wasNotCalled();
    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: Marks hits from preview and debug mode with _dbg as the GA4 tag does
  code: |-
    mock('getContainerVersion', { debugMode: true, previewMode: true });
    runCode(mockData);
    assertThat(pairsOf(sentUrls[0])._dbg).isEqualTo('1');

    mock('getContainerVersion', { debugMode: false, previewMode: false });
    mockData.eventParameters = [{ name: 'debug_mode', value: true }];
    runCode(mockData);
    assertThat(pairsOf(sentUrls[1])._dbg).isEqualTo('1');
    assertThat(pairsOf(sentUrls[1])['ep.debug_mode']).isUndefined();
- name: Logs one JSON object per event
  code: |-
    const logs = [];
    mock('logToConsole', function (text) {
      logs.push(JSON.parse(text));
    });

    runCode(mockData);

    assertThat(logs).isEqualTo([
      {
        action: 'sent',
        event_id: '1766755461000.100000000100000000',
        event_name: 'purchase',
        requests: 1,
        tag: 'tagwarden-web-mirror',
        template_version: '1.0.0'
      }
    ]);
- name: Never throws on odd field values and still completes the tag
  code: |-
    mockData.eventParameters = [null, { name: '' }, { value: 1 }, { name: 'ok', value: 'yes' }];
    mockData.userProperties = 'not a table';
    mockData.eventSettingsVariable = 'not an object';
    mockData.cookiePrefix = 7;
    mockData.maxUrlLength = 'lots';
    cookies._ga = [null, 12];

    runCode(mockData);

    assertThat(pairsOf(sentUrls[0])['ep.ok']).isEqualTo('yes');
    assertApi('gtmOnSuccess').wasCalled();
setup: |-
  const JSON = require('JSON');
  const decodeUriComponent = require('decodeUriComponent');

  const mockData = {
    measurementId: 'G-ABC123',
    eventName: 'purchase',
    endpoint: 'https://collect.tagwarden.example/g/collect',
    eventParameters: [
      { name: 'currency', value: 'USD' },
      { name: 'value', value: 72.05 },
      { name: 'transaction_id', value: 'T_12345' }
    ],
    userProperties: [{ name: 'customer_tier', value: 'gold' }],
    userId: '',
    sendEcommerceData: false,
    joinKeyParameter: 'event_id',
    exposeEventId: false,
    consentMode: 'skip',
    cookiePrefix: '',
    maxUrlLength: 8000
  };
  const sentUrls = [];
  const cookies = {
    _ga: ['GA1.1.111111121.1700000021'],
    _ga_ABC123: ['GS2.1.s1766755460$o2$g1$t1766755500$j60$l0$h0']
  };
  const consent = { analytics_storage: true, ad_storage: true };
  const exampleItem = {
    item_id: 'SKU_12345',
    item_name: 'Stan and Friends Tee',
    affiliation: 'Google Merchandise Store',
    coupon: 'SUMMER_FUN',
    discount: 2.22,
    index: 0,
    item_brand: 'Google',
    item_category: 'Apparel',
    item_category2: 'Adult',
    item_category3: 'Shirts',
    item_category4: 'Crew',
    item_category5: 'Short sleeve',
    item_list_id: 'related_products',
    item_list_name: 'Related Products',
    item_variant: 'green',
    location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
    price: 10.01,
    quantity: 3
  };

  function thirtyItems() {
    const items = [];
    for (let index = 0; index < 30; index++) {
      items.push({
        item_id: 'SKU_' + (10000 + index),
        item_name: 'Stan and Friends Tee, size ' + index + ' ~ organic cotton & more',
        item_brand: 'Google',
        item_category: 'Apparel',
        price: 10.01 + index,
        quantity: 1 + (index % 3),
        index: index
      });
    }
    return items;
  }

  // The query of a URL as decoded name → value (the last value of a repeated name wins).
  function pairsOf(url) {
    const pairs = {};
    url.split('?')[1].split('&').forEach(function (pair) {
      const at = pair.indexOf('=');
      pairs[decodeUriComponent(pair.slice(0, at))] = decodeUriComponent(pair.slice(at + 1));
    });
    return pairs;
  }

  mock('getCookieValues', function (name) {
    return cookies[name] || [];
  });
  mock('isConsentGranted', function (consentType) {
    return consent[consentType] !== false;
  });
  mock('getUrl', 'https://www.example.com/checkout?step=2');
  mock('getReferrerUrl', 'https://www.example.com/cart');
  mock('readTitle', 'Checkout');
  mock('getTimestampMillis', 1766755461000);
  mock('generateRandom', function (min) {
    return min;
  });
  mock('getContainerVersion', { debugMode: false, previewMode: false, containerId: 'GTM-TEST' });
  mock('sendPixel', function (url, onSuccess) {
    sentUrls.push(url);
    if (onSuccess) onSuccess();
  });


___NOTES___

Mirrors one GA4 event to a tagwarden collector as GA4-protocol GET hits marked as mirror traffic.

- 1.0.0: first version: GA4 event fields, settings variable, dataLayer ecommerce, _ga and _ga_<id> cookies (GS1 and GS2), three consent modes, event ID join key, split hits for large events.


