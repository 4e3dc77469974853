const getEventData = require('getEventData');
const getType = require('getType');
const makeString = require('makeString');
const sha256Sync = require('sha256Sync');

const hexDigits = '0123456789abcdef';

const value = getEventData(data.keyPath);
if (getType(value) === 'undefined' || value === null || value === '') return data.fallbackValue;
if (!data.normalise && !data.hash) return value;

const text = data.normalise ? makeString(value).trim().toLowerCase() : makeString(value);
if (!data.hash || isSha256Hex(text)) return text;
return sha256Sync(text, { outputEncoding: 'hex' });

// A value that is already a SHA-256 hex digest is passed on, not hashed twice.
function isSha256Hex(text) {
  if (text.length !== 64) return false;
  return text.split('').every(function (character) {
    return hexDigits.indexOf(character) !== -1;
  });
}
