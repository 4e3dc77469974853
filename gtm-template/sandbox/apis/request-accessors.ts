import { parseQuery } from '../../../shared/text/parse-query.js';
import type { ApiDefinition, ApiEnvironment, ServerWorld } from '../contract.js';
import { headerValue } from './get-cookie-values.js';
import { groupQuery } from './parse-url.js';
import { serverWorldOf } from './world-of.js';

function accessor(
  name: string,
  component: string,
  read: (world: ServerWorld, argument: unknown) => unknown,
  isNamed = false,
): ApiDefinition {
  return {
    name,
    contexts: ['server'],
    create: (environment: ApiEnvironment) => (argument) => {
      if (isNamed) environment.permissions.assert(name, 'read_request', component, argument);
      else environment.permissions.assert(name, 'read_request', component);
      return read(serverWorldOf(environment), argument);
    },
  };
}

/** `getRequestBody()` → the request body as text. */
export const getRequestBodyApi = accessor('getRequestBody', 'body', (world) => world.request.body);

/** `getRequestMethod()` → 'GET', 'POST'… */
export const getRequestMethodApi = accessor('getRequestMethod', 'method', (world) =>
  world.request.method.toUpperCase(),
);

/** `getRequestPath()` → the path (the container URL prefix already stripped in `world.request.path`). */
export const getRequestPathApi = accessor('getRequestPath', 'path', (world) => world.request.path);

/** `getRequestQueryString()` → the raw query string, without `?`. */
export const getRequestQueryStringApi = accessor('getRequestQueryString', 'query_string', (world) =>
  world.request.query.replace(/^\?/, ''),
);

/**
 * `getRequestHeader(name)` → the header's value, found case-insensitively; a header sent more
 * than once reads as its values joined with ', ' (§3.2). Undefined when absent.
 */
export const getRequestHeaderApi = accessor(
  'getRequestHeader',
  'header',
  (world, name) => {
    if (typeof name !== 'string') return undefined;
    const value = headerValue(world.request.headers, name);
    const isPresent = Object.keys(world.request.headers).some(
      (key) => key.toLowerCase() === name.toLowerCase(),
    );
    return isPresent ? value : undefined;
  },
  true,
);

/** `getRequestQueryParameter(name)` → the first decoded value of the parameter, or undefined. */
export const getRequestQueryParameterApi = accessor(
  'getRequestQueryParameter',
  'query_parameter',
  (world, name) =>
    parseQuery(world.request.query.replace(/^\?/, '')).find((pair) => pair.key === name)?.value,
  true,
);

/** `getRequestQueryParameters()` → `{name: value}`, repeated names as arrays of values. */
export const getRequestQueryParametersApi = accessor(
  'getRequestQueryParameters',
  'query_parameter',
  (world) => groupQuery(world.request.query.replace(/^\?/, '')),
);

/**
 * `getRemoteAddress()` → the client's IP: the first `Forwarded: for=` or `X-Forwarded-For`
 * entry when a proxy added one (Cloud Run's load balancer does), else the socket address.
 */
export const getRemoteAddressApi = accessor('getRemoteAddress', 'remote_address', (world) => {
  const forwarded = /for="?\[?([^\]";,]+)/i.exec(
    headerValue(world.request.headers, 'forwarded'),
  )?.[1];
  const forwardedFor = headerValue(world.request.headers, 'x-forwarded-for').split(',')[0]?.trim();
  return forwarded ?? (forwardedFor || world.request.remoteAddress);
});
