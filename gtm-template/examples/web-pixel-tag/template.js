const copyFromDataLayer = require('copyFromDataLayer');
const encodeUriComponent = require('encodeUriComponent');
const getTimestampMillis = require('getTimestampMillis');
const getType = require('getType');
const getUrl = require('getUrl');
const isConsentGranted = require('isConsentGranted');
const JSON = require('JSON');
const logToConsole = require('logToConsole');
const makeString = require('makeString');
const readTitle = require('readTitle');
const sendPixel = require('sendPixel');

if (data.respectAnalyticsConsent && !isConsentGranted('analytics_storage')) {
  log('analytics_storage is denied: nothing sent');
  return data.gtmOnSuccess();
}

const url =
  data.endpoint + (data.endpoint.indexOf('?') === -1 ? '?' : '&') + toQuery(collectPairs());
log('sending ' + url);
sendPixel(url, data.gtmOnSuccess, data.gtmOnFailure);

function collectPairs() {
  const pairs = [
    ['en', data.eventName],
    ['ts', makeString(getTimestampMillis())],
  ];
  if (data.includePageData) {
    pairs.push(['dl', getUrl()]);
    pairs.push(['dt', readTitle()]);
  }
  (data.eventParameters || []).forEach(function (row) {
    pairs.push(['ep.' + row.name, row.value]);
  });
  (data.dataLayerKeys || []).forEach(function (row) {
    const value = copyFromDataLayer(row.key);
    if (getType(value) === 'undefined' || value === null) return;
    pairs.push(['dl.' + row.key, textOf(value)]);
  });
  return pairs;
}

// Objects and arrays travel as JSON; everything else as its text.
function textOf(value) {
  const type = getType(value);
  return type === 'object' || type === 'array' ? JSON.stringify(value) : makeString(value);
}

function toQuery(pairs) {
  return pairs
    .map(function (pair) {
      return encodeUriComponent(pair[0]) + '=' + encodeUriComponent(makeString(pair[1]));
    })
    .join('&');
}

function log(message) {
  if (data.debugLogging) logToConsole('[pixel tag] ' + message);
}
