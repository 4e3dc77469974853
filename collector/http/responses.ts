import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { isConnectionReusable } from './is-connection-reusable.js';

/** A 1×1 transparent GIF: pixel senders (GTM's sendPixel) need an image to call onSuccess. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A JSON answer; errors always carry `error` (the status text) and `reason` (what to do). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  writeHead(response, status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(text);
}

export function sendError(
  response: ServerResponse,
  status: number,
  reason: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error: errorName(status), reason }, headers);
}

/**
 * A whole HTTP/1.1 error message, for a connection that has no response object (the parser
 * could not read a request). The same JSON as `sendError`; it always ends the connection.
 */
export function errorMessageText(status: number, error: string, reason: string): string {
  const text = JSON.stringify({ error, reason });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(text)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    text,
  ].join('\r\n');
}

/** The answer to a stored hit: the GIF for GET (pixels), 204 for POST (gtag, sendBeacon). */
export function sendStored(
  response: ServerResponse,
  method: string,
  headers: Record<string, string>,
): void {
  if (method === 'GET') {
    writeHead(response, 200, {
      'Content-Type': 'image/gif',
      'Content-Length': PIXEL.length,
      'Cache-Control': 'no-store',
      ...headers,
    });
    response.end(PIXEL);
    return;
  }
  sendNoContent(response, { 'Cache-Control': 'no-store', ...headers });
}

export function sendNoContent(response: ServerResponse, headers: Record<string, string>): void {
  writeHead(response, 204, headers);
  response.end();
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  type: string,
): void {
  writeHead(response, status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** Every answer's head: it also says whether the connection ends after it. */
function writeHead(response: ServerResponse, status: number, headers: OutgoingHttpHeaders): void {
  // With `Connection: close`, Node discards what is left of the request body and closes the
  // socket once the answer is sent.
  const connection: OutgoingHttpHeaders = isConnectionReusable(response.req)
    ? {}
    : { Connection: 'close' };
  response.writeHead(status, { ...headers, ...connection });
}

function errorName(status: number): string {
  const names: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    408: 'incomplete_split_hit',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    500: 'internal_error',
    503: 'unavailable',
  };
  return names[status] ?? 'error';
}
