import type { ApiDefinition, ServerWorld } from '../contract.js';
import { base64ToBytes } from './byte-encoding.js';
import { gtmInteger, gtmString } from './gtm-conversions.js';
import { serverWorldOf } from './world-of.js';

// A transparent 1×1 GIF, the body of setPixelResponse.
const PIXEL_GIF = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

function binaryString(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function setHeader(world: ServerWorld, name: string, value: unknown): void {
  for (const key of Object.keys(world.response.headers)) {
    if (key.toLowerCase() === name.toLowerCase()) delete world.response.headers[key];
  }
  if (value !== null && value !== undefined && name !== '__proto__')
    world.response.headers[name] = gtmString(value);
}

/** `setResponseStatus(code)`: the status `returnResponse()` sends. Ignored once the response went out. */
export const setResponseStatusApi: ApiDefinition = {
  name: 'setResponseStatus',
  contexts: ['server'],
  create: (environment) => (code) => {
    environment.permissions.assert('setResponseStatus', 'access_response', 'write', 'status');
    const world = serverWorldOf(environment);
    const status = gtmInteger(code);
    if (!world.response.sent && status >= 100 && status <= 599) world.response.status = status;
  },
};

/** `setResponseHeader(name, value)`: sets a header (names case-insensitive); null or undefined removes it. */
export const setResponseHeaderApi: ApiDefinition = {
  name: 'setResponseHeader',
  contexts: ['server'],
  create: (environment) => (name, value) => {
    environment.permissions.assert('setResponseHeader', 'access_response', 'write', 'header', name);
    const world = serverWorldOf(environment);
    if (typeof name === 'string' && name !== '' && !world.response.sent)
      setHeader(world, name, value);
  },
};

/**
 * `setResponseBody(body, encoding?)`: the body text; with encoding `base64` the body is decoded
 * first and kept as a binary string (one character per byte).
 */
export const setResponseBodyApi: ApiDefinition = {
  name: 'setResponseBody',
  contexts: ['server'],
  create: (environment) => (body, encoding) => {
    environment.permissions.assert('setResponseBody', 'access_response', 'write', 'body');
    const world = serverWorldOf(environment);
    if (world.response.sent) return;
    const text = gtmString(body ?? '');
    const bytes = encoding === 'base64' ? base64ToBytes(text) : undefined;
    world.response.body = bytes === undefined ? text : binaryString(bytes);
  },
};

/** `setPixelResponse()`: status 200, a 1×1 GIF body, `Content-Type: image/gif` and no caching. */
export const setPixelResponseApi: ApiDefinition = {
  name: 'setPixelResponse',
  contexts: ['server'],
  create: (environment) => () => {
    for (const component of ['status', 'header', 'body']) {
      const name = component === 'header' ? 'content-type' : undefined;
      environment.permissions.assert(
        'setPixelResponse',
        'access_response',
        'write',
        component,
        name,
      );
    }
    const world = serverWorldOf(environment);
    if (world.response.sent) return;
    world.response.status = 200;
    setHeader(world, 'Content-Type', 'image/gif');
    setHeader(world, 'Cache-Control', 'no-store, no-cache, must-revalidate');
    world.response.body = binaryString(base64ToBytes(PIXEL_GIF) ?? new Uint8Array());
  },
};

/**
 * `returnResponse()`: sends the response built so far (200 and empty by default); later
 * setters and calls change nothing.
 */
export const returnResponseApi: ApiDefinition = {
  name: 'returnResponse',
  contexts: ['server'],
  create: (environment) => () => {
    environment.permissions.assert('returnResponse', 'return_response');
    serverWorldOf(environment).response.sent = true;
  },
};
