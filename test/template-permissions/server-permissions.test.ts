import { describe, expect, it } from 'vitest';
import {
  PermissionDeniedError,
  type PermissionEntry,
} from '../../gtm-template/sandbox/contract.js';
import { createPermissionChecker } from '../../gtm-template/sandbox/permissions/create-permission-checker.js';
import { permission } from './permission-entry.js';

const eventData = permission('read_event_data', {
  eventDataAccess: 'specific',
  keyPatterns: ['event_name', 'user_data.*'],
});
const request = permission('read_request', {
  requestAccess: 'specific',
  bodyAllowed: true,
  headersAllowed: true,
  pathAllowed: false,
  queryParametersAllowed: true,
  headerAccess: 'specific',
  headerWhitelist: [{ headerName: 'User-Agent' }],
  queryParameterAccess: 'specific',
  queryParameterWhitelist: [{ queryParameter: 'v' }],
});
const openRequest = permission('read_request', {
  requestAccess: 'any',
  headerAccess: 'specific',
  queryParameterAccess: 'specific',
});
const response = permission('access_response', {
  writeResponseAccess: 'specific',
  writeStatusAllowed: true,
  writeHeadersAllowed: true,
  writeHeaderAccess: 'specific',
  writeHeaderWhitelist: [{ headerName: 'Content-Type' }],
});
const openResponse = permission('access_response', {
  writeResponseAccess: 'any',
  writeHeaderAccess: 'specific',
});
const http = permission('send_http', {
  allowedUrls: 'specific',
  urls: ['https://collector.tagwarden.test/'],
  allowGoogleDomains: true,
});
const bigQuery = permission('access_bigquery', {
  allowedTables: [
    { projectId: 'GOOGLE_CLOUD_PROJECT', datasetId: 'analytics', tableId: '*', operation: 'write' },
    { projectId: 'warehouse', datasetId: 'mirror', tableId: 'events', operation: 'write' },
  ],
});
const firestore = permission('access_firestore', {
  allowedOptions: [
    { projectId: '*', path: 'products/*', operation: 'read' },
    { projectId: 'p1', path: 'salts/*', operation: 'read_write', databaseId: '(default)' },
  ],
});
const credentials = permission('use_google_credentials', {
  allowedScopes: ['https://www.googleapis.com/auth/datastore'],
});
const messages = permission('use_message', {
  allowedActions: 'specific',
  messageTypes: [{ type: 'fb_event', action: 'listen' }],
});
const keys = permission('use_custom_private_keys', { keyIds: ['signing'] });

type Case = [string, PermissionEntry[], string, string, unknown[], string | null];

const cases: Case[] = [
  [
    'reads a listed event key',
    [eventData],
    'getEventData',
    'read_event_data',
    ['event_name'],
    null,
  ],
  [
    'reads below a wildcard',
    [eventData],
    'getEventData',
    'read_event_data',
    ['user_data.email_address'],
    null,
  ],
  [
    'refuses an unlisted event key',
    [eventData],
    'getEventData',
    'read_event_data',
    ['client_id'],
    "getEventData: reading the key 'client_id' of the event data is not allowed by the read_event_data permission",
  ],
  [
    'refuses the whole event when access is specific',
    [eventData],
    'getAllEventData',
    'read_event_data',
    [],
    'every key of the event data',
  ],
  [
    'reads the whole event when access is any',
    [permission('read_event_data', { eventDataAccess: 'any' })],
    'getAllEventData',
    'read_event_data',
    [],
    null,
  ],
  ['reads the body when ticked', [request], 'getRequestBody', 'read_request', ['body'], null],
  [
    'refuses the path when not ticked',
    [request],
    'getRequestPath',
    'read_request',
    ['path'],
    'reading the request path',
  ],
  [
    'reads a listed header in any case',
    [request],
    'getRequestHeader',
    'read_request',
    ['header', 'user-agent'],
    null,
  ],
  [
    'refuses an unlisted header',
    [request],
    'getRequestHeader',
    'read_request',
    ['header', 'cookie'],
    "the request header 'cookie'",
  ],
  [
    'reads a listed query parameter',
    [request],
    'getRequestQueryParameter',
    'read_request',
    ['query_parameter', 'v'],
    null,
  ],
  [
    'refuses all query parameters under a whitelist',
    [request],
    'getRequestQueryParameters',
    'read_request',
    ['query_parameter'],
    'every request query parameter',
  ],
  [
    'reads the method of an entry without methodAllowed',
    [request],
    'getRequestMethod',
    'read_request',
    ['method'],
    null,
  ],
  [
    'refuses the remote address when not ticked',
    [request],
    'getRemoteAddress',
    'read_request',
    ['remote_address'],
    'remote address',
  ],
  [
    'reads any header under any request access',
    [openRequest],
    'getRequestHeader',
    'read_request',
    ['header', 'cookie'],
    null,
  ],
  [
    'refuses an unknown request part',
    [openRequest],
    'getRequestHeader',
    'read_request',
    ['cookies'],
    "the request part 'cookies'",
  ],
  [
    'writes a ticked status',
    [response],
    'setResponseStatus',
    'access_response',
    ['write', 'status'],
    null,
  ],
  [
    'writes a listed header',
    [response],
    'setResponseHeader',
    'access_response',
    ['header', 'content-type'],
    null,
  ],
  [
    'refuses an unlisted header',
    [response],
    'setResponseHeader',
    'access_response',
    ['write', 'header', 'Set-Cookie'],
    "writing the response header 'Set-Cookie'",
  ],
  [
    'refuses the body when not ticked',
    [response],
    'setResponseBody',
    'access_response',
    ['body'],
    'writing the response body',
  ],
  [
    'writes any header under any response access',
    [openResponse],
    'setResponseHeader',
    'access_response',
    ['header', 'X-Anything'],
    null,
  ],
  [
    'sends to a listed folder',
    [http],
    'sendHttpRequest',
    'send_http',
    ['https://collector.tagwarden.test/g/collect'],
    null,
  ],
  [
    'sends to Google with allowGoogleDomains',
    [http],
    'sendEventToGoogleAnalytics',
    'send_http',
    ['https://region1.google-analytics.com/g/collect'],
    null,
  ],
  [
    'refuses another host',
    [http],
    'sendHttpGet',
    'send_http',
    ['https://api.vendor.test/x'],
    'sendHttpGet: the URL https://api.vendor.test/x is not allowed by the send_http permission; add it to its allowed URLs',
  ],
  [
    'refuses Google without allowGoogleDomains',
    [permission('send_http', { allowedUrls: 'specific', urls: [] })],
    'sendEventToGoogleAnalytics',
    'send_http',
    ['https://www.google-analytics.com/g/collect'],
    'www.google-analytics.com',
  ],
  [
    'sends a browser pixel to a listed URL',
    [
      permission('send_pixel_from_browser', {
        allowedUrls: 'specific',
        urls: ['https://px.test/*'],
      }),
    ],
    'sendPixelFromBrowser',
    'send_pixel_from_browser',
    ['https://px.test/a'],
    null,
  ],
  [
    'refuses a browser pixel elsewhere',
    [
      permission('send_pixel_from_browser', {
        allowedUrls: 'specific',
        urls: ['https://px.test/*'],
      }),
    ],
    'sendPixelFromBrowser',
    'send_pixel_from_browser',
    ['https://other.test/a'],
    'send_pixel_from_browser',
  ],
  [
    'writes to an ambient-project table',
    [bigQuery],
    'BigQuery',
    'access_bigquery',
    ['write', { datasetId: 'analytics', tableId: 'hits' }],
    null,
  ],
  [
    'writes to a listed table',
    [bigQuery],
    'BigQuery',
    'access_bigquery',
    ['write', { projectId: 'warehouse', datasetId: 'mirror', tableId: 'events' }],
    null,
  ],
  [
    'refuses an unlisted table',
    [bigQuery],
    'BigQuery',
    'access_bigquery',
    ['write', { projectId: 'warehouse', datasetId: 'mirror', tableId: 'users' }],
    'write access to the table warehouse.mirror.users',
  ],
  [
    'reads a product document',
    [firestore],
    'Firestore',
    'access_firestore',
    ['read', { projectId: 'x', path: 'products/sku-1' }],
    null,
  ],
  [
    'refuses writing a read-only path',
    [firestore],
    'Firestore',
    'access_firestore',
    ['write', { projectId: 'x', path: 'products/sku-1' }],
    "write access to the Firestore path 'products/sku-1'",
  ],
  [
    'writes under read_write',
    [firestore],
    'Firestore',
    'access_firestore',
    ['write', { projectId: 'p1', path: 'salts/today' }],
    null,
  ],
  [
    'refuses another database',
    [firestore],
    'Firestore',
    'access_firestore',
    ['write', { projectId: 'p1', path: 'salts/today', databaseId: 'other' }],
    'salts/today',
  ],
  [
    'uses a listed scope',
    [credentials],
    'getGoogleAuth',
    'use_google_credentials',
    [['https://www.googleapis.com/auth/datastore']],
    null,
  ],
  [
    'refuses an unlisted scope',
    [credentials],
    'getGoogleAuth',
    'use_google_credentials',
    [['https://www.googleapis.com/auth/bigquery']],
    'auth/bigquery',
  ],
  [
    'listens to a listed message type',
    [messages],
    'addMessageListener',
    'use_message',
    ['listen', 'fb_event'],
    null,
  ],
  [
    'refuses sending a listen-only message type',
    [messages],
    'sendMessage',
    'use_message',
    ['send', 'fb_event'],
    "send of the message type 'fb_event'",
  ],
  [
    'uses any message with any',
    [permission('use_message', { allowedActions: 'any' })],
    'sendMessage',
    'use_message',
    ['send', 'x'],
    null,
  ],
  ['uses a listed key id', [keys], 'hmacSha256', 'use_custom_private_keys', ['signing'], null],
  [
    'refuses an unlisted key id',
    [keys],
    'hmacSha256',
    'use_custom_private_keys',
    ['other'],
    "the private key 'other'",
  ],
  [
    'returns the response when declared',
    [permission('return_response')],
    'returnResponse',
    'return_response',
    [],
    null,
  ],
  [
    'runs the container when declared',
    [permission('run_container')],
    'runContainer',
    'run_container',
    [],
    null,
  ],
  [
    'refuses runContainer without the permission',
    [],
    'runContainer',
    'run_container',
    [],
    'does not declare the run_container permission',
  ],
  [
    'refuses a web permission in a server template',
    [permission('read_title')],
    'readTitle',
    'read_title',
    [],
    'does not declare the read_title',
  ],
];

describe('server permission checks', () => {
  it.each(cases)('%s', (_what, entries, api, permissionId, args, expected) => {
    const checker = createPermissionChecker(entries, 'server');
    expect(checker.query(permissionId, ...args)).toBe(expected === null);
    if (expected === null) {
      expect(() => checker.assert(api, permissionId, ...args)).not.toThrow();
      return;
    }
    expect(() => checker.assert(api, permissionId, ...args)).toThrow(PermissionDeniedError);
    expect(() => checker.assert(api, permissionId, ...args)).toThrow(expected);
  });
});
