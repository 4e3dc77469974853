import type { ApiDefinition, ApiEnvironment, OutgoingRequest } from '../contract.js';
import { isPlainObject } from './copy-host-value.js';
import { isGoogleAuth } from './google-auth.js';
import { gtmNumber, gtmString } from './gtm-conversions.js';
import { createDeferred } from './sandbox-promise.js';
import { callBackLater, sendThroughNetwork } from './send-through-network.js';

/** sendHttpRequest/sendHttpGet wait this long by default (reference notes §2.7). */
export const DEFAULT_TIMEOUT_MS = 15_000;

interface HttpCall {
  url: unknown;
  callback: unknown;
  options: unknown;
  body: unknown;
}

function buildRequest(
  api: string,
  url: string,
  options: unknown,
  body: unknown,
  method: string | undefined,
): OutgoingRequest {
  const settings = isPlainObject(options) ? options : {};
  const headers: Record<string, string> = {};
  if (isPlainObject(settings.headers)) {
    for (const [name, value] of Object.entries(settings.headers))
      if (name !== '__proto__') headers[name] = gtmString(value);
  }
  if (isGoogleAuth(settings.authorization))
    headers.Authorization = 'Bearer emulated-google-credentials';
  const timeout = settings.timeout === undefined ? DEFAULT_TIMEOUT_MS : gtmNumber(settings.timeout);
  const request: OutgoingRequest = {
    api,
    url,
    method: method ?? (typeof settings.method === 'string' ? settings.method.toUpperCase() : 'GET'),
    headers,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
  };
  if (body !== undefined && body !== null) request.body = gtmString(body);
  return request;
}

/**
 * Both call styles of §3.2, told apart by whether the second argument is a function: the
 * callback style calls `callback(statusCode, headers, body)` after the answer (statusCode
 * undefined after a failure or a timeout, [U]); the promise style resolves with `{statusCode,
 * headers, body}` for any status and rejects with `{reason: 'failed' | 'timed_out'}`.
 */
function sendHttp(
  environment: ApiEnvironment,
  api: string,
  call: HttpCall,
  method?: string,
): unknown {
  environment.permissions.assert(api, 'send_http', call.url);
  if (typeof call.url !== 'string') return undefined;
  const request = buildRequest(api, call.url, call.options, call.body, method);
  if (typeof call.callback === 'function') {
    sendThroughNetwork(environment, request, (outcome) => {
      if (outcome.isAnswered) {
        const { statusCode, headers, body } = outcome.response;
        callBackLater(environment, call.callback, statusCode, headers, body);
      } else callBackLater(environment, call.callback, undefined, {}, undefined);
    });
    return undefined;
  }
  const deferred = createDeferred(environment);
  sendThroughNetwork(environment, request, (outcome) => {
    if (outcome.isAnswered) deferred.resolve({ ...outcome.response });
    else deferred.reject({ reason: outcome.reason });
  });
  return deferred.promise;
}

/**
 * `sendHttpRequest(url, callback, options?, body?)` or `sendHttpRequest(url, options?, body?)`
 * → promise. Options: method, headers, timeout (default 15000 ms), authorization.
 */
export const sendHttpRequestApi: ApiDefinition = {
  name: 'sendHttpRequest',
  contexts: ['server'],
  create: (environment) => (url, second, third, fourth) =>
    typeof second === 'function'
      ? sendHttp(environment, 'sendHttpRequest', {
          url,
          callback: second,
          options: third,
          body: fourth,
        })
      : sendHttp(environment, 'sendHttpRequest', {
          url,
          callback: undefined,
          options: second,
          body: third,
        }),
};

/** `sendHttpGet(url, callback, options?)` or `sendHttpGet(url, options?)` → promise; always GET. */
export const sendHttpGetApi: ApiDefinition = {
  name: 'sendHttpGet',
  contexts: ['server'],
  create: (environment) => (url, second, third) =>
    typeof second === 'function'
      ? sendHttp(
          environment,
          'sendHttpGet',
          { url, callback: second, options: third, body: undefined },
          'GET',
        )
      : sendHttp(
          environment,
          'sendHttpGet',
          { url, callback: undefined, options: second, body: undefined },
          'GET',
        ),
};
