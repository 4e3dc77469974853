___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "CLIENT",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Collect endpoint client",
  "categories": [
    "DATA_WAREHOUSING",
    "ANALYTICS"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "tagwarden"
  },
  "description": "Claims GET and POST requests on one path (default /collect), turns each into an event, runs the container and answers with a pixel or 204.",
  "containerContexts": [
    "SERVER"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "requestPath",
    "displayName": "Request path",
    "simpleValueType": true,
    "defaultValue": "/collect",
    "help": "The client claims requests whose path is exactly this.",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      },
      {
        "type": "REGEX",
        "args": [
          "^/[^?#\\s]*$"
        ],
        "errorMessage": "Start with / and leave out the query."
      }
    ]
  },
  {
    "type": "SIMPLE_TABLE",
    "name": "allowedOrigins",
    "displayName": "Origins allowed to send from the browser (CORS)",
    "help": "A request whose Origin header is listed gets Access-Control-Allow-Origin with that origin.",
    "simpleTableColumns": [
      {
        "defaultValue": "",
        "displayName": "Origin",
        "name": "origin",
        "type": "TEXT",
        "isUnique": true,
        "valueHint": "https://shop.example",
        "valueValidators": [
          {
            "type": "REGEX",
            "args": [
              "^https?://[^/]+$"
            ],
            "errorMessage": "An origin is a scheme and a host, without a path."
          }
        ]
      }
    ],
    "newRowButtonText": "Add origin"
  }
]


___SANDBOXED_JS_FOR_SERVER___

const claimRequest = require('claimRequest');
const getRemoteAddress = require('getRemoteAddress');
const getRequestBody = require('getRequestBody');
const getRequestHeader = require('getRequestHeader');
const getRequestMethod = require('getRequestMethod');
const getRequestPath = require('getRequestPath');
const getRequestQueryParameters = require('getRequestQueryParameters');
const getType = require('getType');
const JSON = require('JSON');
const returnResponse = require('returnResponse');
const runContainer = require('runContainer');
const setPixelResponse = require('setPixelResponse');
const setResponseBody = require('setResponseBody');
const setResponseHeader = require('setResponseHeader');
const setResponseStatus = require('setResponseStatus');

// Requests for other paths belong to other clients: leave them unclaimed.
if (getRequestPath() !== data.requestPath) return;
claimRequest();

const method = getRequestMethod();
allowListedOrigin();
if (method === 'OPTIONS') {
  setResponseStatus(204);
  returnResponse();
  return;
}

const event = method === 'POST' ? eventFromBody() : eventFromQuery();
if (!event) {
  setResponseStatus(400);
  setResponseHeader('Content-Type', 'application/json');
  setResponseBody(JSON.stringify({ error: 'expected a JSON object with an event_name' }));
  returnResponse();
  return;
}

event.ip_override = getRemoteAddress();
event.user_agent = getRequestHeader('user-agent');
runContainer(event, function () {
  if (method === 'GET') {
    setPixelResponse();
  } else {
    setResponseStatus(204);
  }
  returnResponse();
});

// GET /collect?en=page_view&cid=…&dl=… : short keys as the pixel tag sends them.
function eventFromQuery() {
  const query = getRequestQueryParameters();
  if (!query.en) return undefined;
  const event = { event_name: query.en };
  if (query.cid) event.client_id = query.cid;
  if (query.dl) event.page_location = query.dl;
  if (query.dt) event.page_title = query.dt;
  for (const key in query) {
    if (key.indexOf('ep.') === 0) event[key.substring(3)] = query[key];
  }
  return event;
}

// POST /collect with {"event_name": …, …}: the body is the event.
function eventFromBody() {
  const body = JSON.parse(getRequestBody() || '');
  if (getType(body) !== 'object' || getType(body.event_name) !== 'string') return undefined;
  return body;
}

function allowListedOrigin() {
  const origin = getRequestHeader('origin');
  const allowed = (data.allowedOrigins || []).some(function (row) {
    return row.origin === origin;
  });
  if (!origin || !allowed) return;
  setResponseHeader('Access-Control-Allow-Origin', origin);
  setResponseHeader('Access-Control-Allow-Credentials', 'true');
  setResponseHeader('Access-Control-Allow-Headers', 'Content-Type');
  setResponseHeader('Vary', 'Origin');
}


___SERVER_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "read_request",
        "versionId": "1"
      },
      "param": [
        {
          "key": "requestAccess",
          "value": {
            "type": 1,
            "string": "any"
          }
        },
        {
          "key": "headerAccess",
          "value": {
            "type": 1,
            "string": "any"
          }
        },
        {
          "key": "queryParameterAccess",
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
        "publicId": "access_response",
        "versionId": "1"
      },
      "param": [
        {
          "key": "writeResponseAccess",
          "value": {
            "type": 1,
            "string": "any"
          }
        },
        {
          "key": "writeHeaderAccess",
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
        "publicId": "return_response",
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
        "publicId": "run_container",
        "versionId": "1"
      },
      "param": []
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios:
- name: Leaves requests on other paths unclaimed
  code: |-
    request.path = '/g/collect';

    runCode(mockData);

    assertApi('claimRequest').wasNotCalled();
    assertApi('runContainer').wasNotCalled();
    assertApi('returnResponse').wasNotCalled();
- name: Turns a GET query into an event and answers with a pixel
  code: |-
    runCode(mockData);

    assertApi('claimRequest').wasCalled();
    assertThat(ranEvents).isEqualTo([
      {
        event_name: 'page_view',
        client_id: '111111121.1700000021',
        page_location: 'https://shop.example/',
        page_title: 'Home',
        currency: 'EUR',
        ip_override: '203.0.113.7',
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64)'
      }
    ]);
    assertApi('setPixelResponse').wasCalled();
    assertApi('returnResponse').wasCalled();
- name: Reads the event from a JSON POST body and answers 204
  code: |-
    request.method = 'POST';
    request.body = '{"event_name":"purchase","client_id":"111111121.1700000021","value":72.05}';

    runCode(mockData);

    assertThat(ranEvents[0].event_name).isEqualTo('purchase');
    assertThat(ranEvents[0].value).isEqualTo(72.05);
    assertThat(ranEvents[0].ip_override).isEqualTo('203.0.113.7');
    assertApi('setResponseStatus').wasCalledWith(204);
    assertApi('setPixelResponse').wasNotCalled();
    assertApi('returnResponse').wasCalled();
- name: Rejects a POST body that is not a JSON object with an event name
  code: |-
    request.method = 'POST';
    request.body = 'event_name=purchase';

    runCode(mockData);

    assertApi('claimRequest').wasCalled();
    assertApi('runContainer').wasNotCalled();
    assertApi('setResponseStatus').wasCalledWith(400);
    assertApi('setResponseBody').wasCalledWith(
      '{"error":"expected a JSON object with an event_name"}'
    );
    assertApi('returnResponse').wasCalled();
- name: Rejects a GET without an event name
  code: |-
    request.query = { cid: '111111121.1700000021' };

    runCode(mockData);

    assertApi('runContainer').wasNotCalled();
    assertApi('setResponseStatus').wasCalledWith(400);
- name: Allows a listed origin with its own origin, never a wildcard
  code: |-
    request.headers.origin = 'https://shop.example';

    runCode(mockData);

    assertApi('setResponseHeader').wasCalledWith(
      'Access-Control-Allow-Origin',
      'https://shop.example'
    );
    assertApi('setResponseHeader').wasNotCalledWith('Access-Control-Allow-Origin', '*');
    assertApi('runContainer').wasCalled();
- name: Sends no CORS headers for an origin that is not listed
  code: |-
    request.headers.origin = 'https://shop.example.evil.example';

    runCode(mockData);

    assertApi('setResponseHeader').wasNotCalled();
    assertApi('runContainer').wasCalled();
- name: Answers a CORS preflight with 204 without running the container
  code: |-
    request.method = 'OPTIONS';
    request.headers.origin = 'https://shop.example';

    runCode(mockData);

    assertApi('runContainer').wasNotCalled();
    assertApi('setResponseStatus').wasCalledWith(204);
    assertApi('setResponseHeader').wasCalledWith(
      'Access-Control-Allow-Origin',
      'https://shop.example'
    );
    assertApi('returnResponse').wasCalled();
setup: |-
  const mockData = {
    requestPath: '/collect',
    allowedOrigins: [{ origin: 'https://shop.example' }]
  };
  const request = {
    path: '/collect',
    method: 'GET',
    query: {
      en: 'page_view',
      cid: '111111121.1700000021',
      dl: 'https://shop.example/',
      dt: 'Home',
      'ep.currency': 'EUR',
      unrelated: 'dropped'
    },
    body: '',
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' },
    remoteAddress: '203.0.113.7'
  };
  const ranEvents = [];

  // claimRequest state leaks between scenarios in GTM's "Run all tests"; a mock keeps them apart.
  mock('claimRequest', function () {});
  mock('getRequestPath', function () {
    return request.path;
  });
  mock('getRequestMethod', function () {
    return request.method;
  });
  mock('getRequestQueryParameters', function () {
    return request.query;
  });
  mock('getRequestBody', function () {
    return request.body;
  });
  mock('getRequestHeader', function (name) {
    return request.headers[name];
  });
  mock('getRemoteAddress', function () {
    return request.remoteAddress;
  });
  mock('runContainer', function (event, onComplete) {
    ranEvents.push(event);
    onComplete();
  });


___NOTES___

Claims requests on one path and runs the container with the event they carry.

- 1.0.0: first version: GET query (pixel tag keys) and POST JSON bodies, CORS for listed origins.


