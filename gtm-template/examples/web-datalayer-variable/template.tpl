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
  "displayName": "dataLayer value with fallback",
  "categories": [
    "UTILITY",
    "TAG_MANAGEMENT"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "tagwarden"
  },
  "description": "Reads one dataLayer key (dots reach into objects), returns a fallback when it is missing or empty, and can lower-case, trim, convert to a number or JSON-encode the value.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "key",
    "displayName": "dataLayer key",
    "simpleValueType": true,
    "valueHint": "ecommerce.value",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "fallbackValue",
    "displayName": "Fallback when missing or empty",
    "simpleValueType": true,
    "canBeEmptyString": true
  },
  {
    "type": "SELECT",
    "name": "transform",
    "displayName": "Transform the value",
    "macrosInSelect": false,
    "selectItems": [
      {
        "value": "none",
        "displayValue": "Return it as it is"
      },
      {
        "value": "lowercase",
        "displayValue": "Lower-case text"
      },
      {
        "value": "trim",
        "displayValue": "Trim spaces"
      },
      {
        "value": "number",
        "displayValue": "Number"
      },
      {
        "value": "json",
        "displayValue": "JSON text"
      }
    ],
    "simpleValueType": true,
    "defaultValue": "none"
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

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


___WEB_PERMISSIONS___

[
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
- name: Returns the value as it is by default
  code: |-
    assertThat(runCode(mockData)).isEqualTo('Summer Sale ');
    assertApi('copyFromDataLayer').wasCalledWith('ecommerce.promotion');
- name: Returns the fallback when the key is missing, null or empty
  code: |-
    mockData.key = 'ecommerce.coupon';
    assertThat(runCode(mockData)).isEqualTo('(none)');

    dataLayer['ecommerce.coupon'] = null;
    assertThat(runCode(mockData)).isEqualTo('(none)');

    dataLayer['ecommerce.coupon'] = '';
    assertThat(runCode(mockData)).isEqualTo('(none)');
- name: Keeps zero and false, which are values
  code: |-
    mockData.key = 'ecommerce.discount';
    assertThat(runCode(mockData)).isStrictlyEqualTo(0);

    mockData.key = 'user.loggedIn';
    assertThat(runCode(mockData)).isFalse();
- name: Lower-cases and trims text
  code: |-
    mockData.transform = 'lowercase';
    assertThat(runCode(mockData)).isEqualTo('summer sale ');

    mockData.transform = 'trim';
    assertThat(runCode(mockData)).isEqualTo('Summer Sale');
- name: Converts numeric text to a number
  code: |-
    mockData.key = 'ecommerce.value';
    mockData.transform = 'number';

    const value = runCode(mockData);

    assertThat(value).isNumber();
    assertThat(value).isEqualTo(72.05);
- name: JSON-encodes objects and arrays
  code: |-
    mockData.key = 'ecommerce.items';
    mockData.transform = 'json';

    assertThat(runCode(mockData)).isEqualTo('[{"item_id":"SKU_1","quantity":2}]');
setup: |-
  const mockData = {
    key: 'ecommerce.promotion',
    fallbackValue: '(none)',
    transform: 'none'
  };
  const dataLayer = {
    'ecommerce.promotion': 'Summer Sale ',
    'ecommerce.value': '72.05',
    'ecommerce.discount': 0,
    'ecommerce.items': [{ item_id: 'SKU_1', quantity: 2 }],
    'user.loggedIn': false
  };

  mock('copyFromDataLayer', function (key) {
    return dataLayer[key];
  });


___NOTES___

Reads one dataLayer key with a fallback and an optional transform.

- 1.0.0: first version.


