___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "MACRO",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Event data value, normalised and hashed",
  "categories": [
    "UTILITY",
    "DATA_WAREHOUSING"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "tagwarden"
  },
  "description": "Reads one event data key path and can normalise it (trim, lower-case) and hash it with SHA-256 hex, leaving values that are already hashed alone.",
  "containerContexts": [
    "SERVER"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "keyPath",
    "displayName": "Event data key path",
    "simpleValueType": true,
    "defaultValue": "user_data.email_address",
    "help": "Dots reach into objects and lists, e.g. user_data.email_address or items.0.item_id.",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      }
    ]
  },
  {
    "type": "CHECKBOX",
    "name": "normalise",
    "checkboxText": "Trim and lower-case the value",
    "simpleValueType": true,
    "defaultValue": true,
    "displayName": ""
  },
  {
    "type": "CHECKBOX",
    "name": "hash",
    "checkboxText": "Hash with SHA-256 (hex)",
    "simpleValueType": true,
    "defaultValue": true,
    "displayName": ""
  },
  {
    "type": "TEXT",
    "name": "fallbackValue",
    "displayName": "Fallback when missing or empty",
    "simpleValueType": true,
    "canBeEmptyString": true
  }
]


___SANDBOXED_JS_FOR_SERVER___

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


___SERVER_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "read_event_data",
        "versionId": "1"
      },
      "param": [
        {
          "key": "eventDataAccess",
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
                "string": "user_data.*"
              },
              {
                "type": 1,
                "string": "client_id"
              },
              {
                "type": 1,
                "string": "user_id"
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
  }
]


___TESTS___

scenarios:
- name: Normalises and hashes an email address
  code: |-
    assertThat(runCode(mockData)).isEqualTo(
      '973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b'
    );
    assertApi('getEventData').wasCalledWith('user_data.email_address');
- name: Passes on a value that is already a SHA-256 hex digest
  code: |-
    mockData.keyPath = 'user_data.sha256_email_address';

    assertThat(runCode(mockData)).isEqualTo(
      '973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b'
    );
- name: Normalises without hashing
  code: |-
    mockData.hash = false;

    assertThat(runCode(mockData)).isEqualTo('test@example.com');
- name: Returns the value untouched, keeping its type, when neither option is on
  code: |-
    mockData.hash = false;
    mockData.normalise = false;

    assertThat(runCode(mockData)).isEqualTo(' Test@Example.com ');

    mockData.keyPath = 'user_data.address.postal_code';
    assertThat(runCode(mockData)).isStrictlyEqualTo(10115);
- name: Returns the fallback when the key is missing or empty
  code: |-
    mockData.keyPath = 'user_data.phone_number';
    assertThat(runCode(mockData)).isEqualTo('unknown');

    mockData.keyPath = 'user_id';
    assertThat(runCode(mockData)).isEqualTo('unknown');
- name: Reads exactly the configured key path on each run
  code: |-
    const results = [];
    mock('getEventData', function (keyPath) {
      results.push(keyPath);
      return eventData[keyPath];
    });

    runCode(mockData);
    mockData.keyPath = 'client_id';
    mockData.hash = false;
    mockData.normalise = false;

    assertThat(runCode(mockData)).isEqualTo('111111121.1700000021');
    assertThat(results).isEqualTo(['user_data.email_address', 'client_id']);
setup: |-
  const mockData = {
    keyPath: 'user_data.email_address',
    normalise: true,
    hash: true,
    fallbackValue: 'unknown'
  };
  const eventData = {
    'user_data.email_address': ' Test@Example.com ',
    'user_data.sha256_email_address':
      '973DFE463EC85785F5F95AF5BA3906EEDB2D931C24E69824A89EA65DBA4E813B',
    'user_data.address.postal_code': 10115,
    client_id: '111111121.1700000021',
    user_id: ''
  };

  mock('getEventData', function (keyPath) {
    return eventData[keyPath];
  });


___NOTES___

Reads one event data key path; can normalise (trim, lower-case) and hash it with SHA-256 hex.

- 1.0.0: first version.


