const copyFromDataLayer = require('copyFromDataLayer');
const getType = require('getType');
const JSON = require('JSON');
const makeNumber = require('makeNumber');
const makeString = require('makeString');

const value = copyFromDataLayer(data.key);
if (isMissing(value)) return data.fallbackValue;
return transform(value);

function isMissing(value) {
  return getType(value) === 'undefined' || value === null || value === '';
}

function transform(value) {
  switch (data.transform) {
    case 'lowercase':
      return makeString(value).toLowerCase();
    case 'trim':
      return makeString(value).trim();
    case 'number':
      return makeNumber(value);
    case 'json':
      return JSON.stringify(value);
    default:
      return value;
  }
}
