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
  "displayName": "Pixel to collection endpoint",
  "categories": [
    "ANALYTICS",
    "DATA_WAREHOUSING"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "tagwarden"
  },
  "description": "Sends one event as a GET pixel to your collection endpoint, with values from the tag's fields, the page and the dataLayer.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "endpoint",
    "displayName": "Collection endpoint",
    "simpleValueType": true,
    "help": "The https URL that receives the pixel, e.g. https://collect.tagwarden.example/g. The template's send_pixel permission must allow it.",
    "valueHint": "https://collect.tagwarden.example/g",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      },
      {
        "type": "REGEX",
        "args": [
          "^https://[^\\s]+$"
        ],
        "errorMessage": "Enter an https URL."
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "eventName",
    "displayName": "Event name",
    "simpleValueType": true,
    "defaultValue": "page_view",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      }
    ]
  },
  {
    "type": "CHECKBOX",
    "name": "includePageData",
    "checkboxText": "Send the page URL and title",
    "simpleValueType": true,
    "defaultValue": true,
    "displayName": ""
  },
  {
    "type": "SIMPLE_TABLE",
    "name": "eventParameters",
    "displayName": "Event parameters",
    "simpleTableColumns": [
      {
        "defaultValue": "",
        "displayName": "Name",
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
    "name": "dataLayerKeys",
    "displayName": "dataLayer keys to copy",
    "help": "Each key is read with copyFromDataLayer (dots reach into objects, e.g. ecommerce.value) and sent as dl.<key>.",
    "simpleTableColumns": [
      {
        "defaultValue": "",
        "displayName": "Key",
        "name": "key",
        "type": "TEXT",
        "isUnique": true,
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          }
        ]
      }
    ],
    "newRowButtonText": "Add key"
  },
  {
    "type": "GROUP",
    "name": "advanced",
    "displayName": "Advanced",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "CHECKBOX",
        "name": "respectAnalyticsConsent",
        "checkboxText": "Send nothing while analytics_storage consent is denied",
        "simpleValueType": true,
        "defaultValue": true,
        "displayName": ""
      },
      {
        "type": "CHECKBOX",
        "name": "debugLogging",
        "checkboxText": "Log each pixel URL to the console in preview",
        "simpleValueType": true,
        "defaultValue": false,
        "displayName": ""
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

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
            "string": "specific"
          }
        },
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://*.tagwarden.example/"
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
- name: Sends the event name, timestamp, page data and table parameters
  code: |-
    mock('sendPixel', function (url, onSuccess) {
      sentUrls.push(url);
      onSuccess();
    });

    runCode(mockData);

    assertThat(sentUrls).isEqualTo([
      'https://collect.tagwarden.example/g?en=purchase&ts=1700000000000' +
        '&dl=https%3A%2F%2Fshop.example%2Fcheckout%3Fstep%3D2&dt=Checkout' +
        '&ep.currency=EUR&ep.value=72.05'
    ]);
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: Copies dataLayer values, sending objects and arrays as JSON and skipping missing keys
  code: |-
    mockData.includePageData = false;
    mockData.eventParameters = [];
    mockData.dataLayerKeys = [{ key: 'ecommerce.value' }, { key: 'ecommerce.items' }, { key: 'user.id' }];
    const dataLayer = {
      'ecommerce.value': 72.05,
      'ecommerce.items': [{ item_id: 'SKU_1', quantity: 2 }]
    };
    mock('copyFromDataLayer', function (key) {
      return dataLayer[key];
    });
    mock('sendPixel', function (url, onSuccess) {
      sentUrls.push(url);
      onSuccess();
    });

    runCode(mockData);

    assertThat(sentUrls[0]).isEqualTo(
      'https://collect.tagwarden.example/g?en=purchase&ts=1700000000000' +
        '&dl.ecommerce.value=72.05' +
        '&dl.ecommerce.items=%5B%7B%22item_id%22%3A%22SKU_1%22%2C%22quantity%22%3A2%7D%5D'
    );
    assertApi('copyFromDataLayer').wasCalledWith('user.id');
    assertApi('gtmOnSuccess').wasCalled();
- name: Sends nothing while analytics consent is denied, and still succeeds
  code: |-
    mock('isConsentGranted', function (consentType) {
      return consentType !== 'analytics_storage';
    });

    runCode(mockData);

    assertApi('sendPixel').wasNotCalled();
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
- name: Ignores consent when the option is off
  code: |-
    mockData.respectAnalyticsConsent = false;
    mock('isConsentGranted', false);
    mock('sendPixel', function (url, onSuccess) {
      onSuccess();
    });

    runCode(mockData);

    assertApi('isConsentGranted').wasNotCalled();
    assertApi('sendPixel').wasCalled();
    assertApi('gtmOnSuccess').wasCalled();
- name: Fails the tag when the pixel cannot be sent
  code: |-
    mock('sendPixel', function (url, onSuccess, onFailure) {
      onFailure();
    });

    runCode(mockData);

    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: Appends to an endpoint that already has a query string
  code: |-
    mockData.endpoint = 'https://collect.tagwarden.example/g?site=shop';
    mockData.includePageData = false;
    mockData.eventParameters = [];
    mock('sendPixel', function (url, onSuccess) {
      sentUrls.push(url);
      onSuccess();
    });

    runCode(mockData);

    assertThat(sentUrls).isEqualTo([
      'https://collect.tagwarden.example/g?site=shop&en=purchase&ts=1700000000000'
    ]);
- name: Logs the pixel URL only when debug logging is on
  code: |-
    mockData.includePageData = false;
    mockData.eventParameters = [];
    mock('logToConsole', function () {});
    mock('sendPixel', function (url, onSuccess) {
      onSuccess();
    });

    runCode(mockData);
    assertApi('logToConsole').wasNotCalled();

    mockData.debugLogging = true;
    runCode(mockData);
    assertApi('logToConsole').wasCalledWith(
      '[pixel tag] sending https://collect.tagwarden.example/g?en=purchase&ts=1700000000000'
    );
- name: The send_pixel permission allows the configured endpoint
  code: |-
    runCode(mockData);

    assertApi('sendPixel').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
setup: |-
  const mockData = {
    endpoint: 'https://collect.tagwarden.example/g',
    eventName: 'purchase',
    includePageData: true,
    eventParameters: [
      { name: 'currency', value: 'EUR' },
      { name: 'value', value: '72.05' }
    ],
    dataLayerKeys: [],
    respectAnalyticsConsent: true,
    debugLogging: false
  };
  const sentUrls = [];

  mock('getTimestampMillis', 1700000000000);
  mock('getUrl', 'https://shop.example/checkout?step=2');
  mock('readTitle', 'Checkout');
  mock('isConsentGranted', true);


___NOTES___

Sends one GET pixel per event to a tagwarden collection endpoint.

- 1.0.0: first version: event name, timestamp, page URL and title, table parameters, dataLayer keys, consent check.


