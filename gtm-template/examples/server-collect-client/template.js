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
