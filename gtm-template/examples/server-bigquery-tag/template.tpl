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
  "displayName": "Event to BigQuery",
  "categories": [
    "DATA_WAREHOUSING",
    "ANALYTICS"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "tagwarden"
  },
  "description": "Writes each event the server container handles as one row of a BigQuery table: fixed columns plus the event data as JSON.",
  "containerContexts": [
    "SERVER"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "projectId",
    "displayName": "Google Cloud project id",
    "simpleValueType": true,
    "help": "Leave empty to use the project the server container runs in.",
    "valueValidators": [
      {
        "type": "REGEX",
        "args": [
          "^[a-z][a-z0-9-]{4,28}[a-z0-9]$"
        ],
        "errorMessage": "A project id is 6 to 30 lower-case letters, digits and hyphens."
      }
    ],
    "canBeEmptyString": true
  },
  {
    "type": "TEXT",
    "name": "datasetId",
    "displayName": "Dataset id",
    "simpleValueType": true,
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      },
      {
        "type": "REGEX",
        "args": [
          "^[A-Za-z0-9_]{1,1024}$"
        ],
        "errorMessage": "Letters, digits and underscores only."
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "tableId",
    "displayName": "Table id",
    "simpleValueType": true,
    "defaultValue": "events",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      }
    ]
  },
  {
    "type": "CHECKBOX",
    "name": "dropInternalKeys",
    "checkboxText": "Leave out the GA4 client's internal x-… keys",
    "simpleValueType": true,
    "defaultValue": true,
    "displayName": ""
  },
  {
    "type": "SIMPLE_TABLE",
    "name": "excludedKeys",
    "displayName": "Event data keys to leave out",
    "help": "For example ip_override, or user_data when the table must hold no personal data.",
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
  }
]


___SANDBOXED_JS_FOR_SERVER___

const BigQuery = require('BigQuery');
const getAllEventData = require('getAllEventData');
const getContainerVersion = require('getContainerVersion');
const getTimestampMillis = require('getTimestampMillis');
const JSON = require('JSON');
const logToConsole = require('logToConsole');
const Object = require('Object');

const containerVersion = getContainerVersion();
const isPreview = containerVersion.debugMode || containerVersion.previewMode;
const row = toRow(getAllEventData());
const table = { datasetId: data.datasetId, tableId: data.tableId };
if (data.projectId) table.projectId = data.projectId;

BigQuery.insert(table, [row], { ignoreUnknownValues: true })
  .then(function () {
    log('inserted', row);
    data.gtmOnSuccess();
  })
  .catch(function (error) {
    log('insert failed', error);
    data.gtmOnFailure();
  });

// The columns every row has, and the rest of the event as one JSON column, so the table's
// schema stays fixed however many parameters events carry.
function toRow(eventData) {
  return {
    event_name: eventData.event_name,
    client_id: eventData.client_id,
    page_location: eventData.page_location,
    event_timestamp_millis: getTimestampMillis(),
    container_id: containerVersion.containerId,
    container_version: containerVersion.version,
    event_data: JSON.stringify(keptEventData(eventData)),
  };
}

function keptEventData(eventData) {
  const excluded = (data.excludedKeys || []).map(function (entry) {
    return entry.key;
  });
  const kept = {};
  Object.keys(eventData).forEach(function (key) {
    const isInternal = data.dropInternalKeys && key.indexOf('x-') === 0;
    if (!isInternal && excluded.indexOf(key) === -1) kept[key] = eventData[key];
  });
  return kept;
}

// One JSON object per log line, and only in preview or debug mode.
function log(message, details) {
  if (!isPreview) return;
  logToConsole(
    JSON.stringify({
      tag: 'bigquery-writer',
      message: message,
      table: data.tableId,
      details: details,
    }),
  );
}


___SERVER_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "access_bigquery",
        "versionId": "1"
      },
      "param": [
        {
          "key": "allowedTables",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "projectId"
                  },
                  {
                    "type": 1,
                    "string": "datasetId"
                  },
                  {
                    "type": 1,
                    "string": "tableId"
                  },
                  {
                    "type": 1,
                    "string": "operation"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "*"
                  },
                  {
                    "type": 1,
                    "string": "*"
                  },
                  {
                    "type": 1,
                    "string": "*"
                  },
                  {
                    "type": 1,
                    "string": "write"
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
        "publicId": "read_event_data",
        "versionId": "1"
      },
      "param": [
        {
          "key": "eventDataAccess",
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
- name: Inserts one row with the fixed columns and the rest of the event as JSON
  code: |-
    runCode(mockData);

    assertThat(inserts).hasLength(1);
    assertThat(inserts[0].table).isEqualTo({ datasetId: 'analytics', tableId: 'events' });
    assertThat(inserts[0].options).isEqualTo({ ignoreUnknownValues: true });
    const row = inserts[0].rows[0];
    assertThat(row.event_name).isEqualTo('purchase');
    assertThat(row.client_id).isEqualTo('111111121.1700000021');
    assertThat(row.page_location).isEqualTo('https://shop.example/checkout');
    assertThat(row.event_timestamp_millis).isEqualTo(1700000000000);
    assertThat(row.container_id).isEqualTo('GTM-SRV123');
    assertThat(row.container_version).isEqualTo('42');
    assertThat(JSON.parse(row.event_data)).isEqualTo({
      event_name: 'purchase',
      client_id: '111111121.1700000021',
      page_location: 'https://shop.example/checkout',
      value: 72.05,
      currency: 'EUR',
      ip_override: '203.0.113.7'
    });
- name: Calls gtmOnSuccess once the insert succeeds
  code: |-
    runCode(mockData);

    callLater(function () {
      assertApi('gtmOnSuccess').wasCalled();
      assertApi('gtmOnFailure').wasNotCalled();
    });
- name: Calls gtmOnFailure when BigQuery rejects the row
  code: |-
    insertFails = true;

    runCode(mockData);

    callLater(function () {
      assertApi('gtmOnFailure').wasCalled();
      assertApi('gtmOnSuccess').wasNotCalled();
    });
- name: Leaves out excluded keys, and keeps internal keys when asked to
  code: |-
    mockData.excludedKeys = [{ key: 'ip_override' }, { key: 'currency' }];
    mockData.dropInternalKeys = false;

    runCode(mockData);

    const kept = JSON.parse(inserts[0].rows[0].event_data);
    assertThat(kept.ip_override).isUndefined();
    assertThat(kept.currency).isUndefined();
    assertThat(kept['x-ga-measurement_id']).isEqualTo('G-ABC123');
    assertThat(kept.value).isEqualTo(72.05);
- name: Writes to the configured project when one is given
  code: |-
    mockData.projectId = 'shop-analytics';

    runCode(mockData);

    assertThat(inserts[0].table).isEqualTo({
      datasetId: 'analytics',
      tableId: 'events',
      projectId: 'shop-analytics'
    });
- name: Logs one JSON object per insert in preview mode
  code: |-
    const logged = [];
    mock('logToConsole', function (line) {
      logged.push(JSON.parse(line));
    });
    containerVersion.previewMode = true;

    runCode(mockData);

    callLater(function () {
      assertThat(logged).hasLength(1);
      assertThat(logged[0].tag).isEqualTo('bigquery-writer');
      assertThat(logged[0].message).isEqualTo('inserted');
      assertThat(logged[0].table).isEqualTo('events');
    });
- name: Logs nothing outside preview and debug mode
  code: |-
    mock('logToConsole', function () {});

    runCode(mockData);

    callLater(function () {
      assertApi('logToConsole').wasNotCalled();
      assertApi('gtmOnSuccess').wasCalled();
    });
setup: |-
  const Promise = require('Promise');
  const callLater = require('callLater');
  const JSON = require('JSON');

  const mockData = {
    projectId: '',
    datasetId: 'analytics',
    tableId: 'events',
    dropInternalKeys: true,
    excludedKeys: []
  };
  const containerVersion = {
    containerId: 'GTM-SRV123',
    version: '42',
    debugMode: false,
    previewMode: false,
    environmentName: '',
    environmentMode: false
  };
  const inserts = [];
  let insertFails = false;

  mock('getAllEventData', {
    event_name: 'purchase',
    client_id: '111111121.1700000021',
    page_location: 'https://shop.example/checkout',
    value: 72.05,
    currency: 'EUR',
    ip_override: '203.0.113.7',
    'x-ga-measurement_id': 'G-ABC123',
    'x-ga-protocol_version': '2'
  });
  mock('getTimestampMillis', 1700000000000);
  mock('getContainerVersion', function () {
    return containerVersion;
  });
  mockObject('BigQuery', {
    insert: function (table, rows, options) {
      inserts.push({ table: table, rows: rows, options: options });
      return Promise.create(function (resolve, reject) {
        if (insertFails) reject({ reason: 'invalid', errors: [] });
        else resolve();
      });
    }
  });


___NOTES___

Writes each event as one BigQuery row: event_name, client_id, page_location, a timestamp, the
container id and version, and the remaining event data as JSON in event_data.

- 1.0.0: first version.


