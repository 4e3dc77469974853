import type { Duplex } from 'node:stream';
import { afterOpenResponses } from './open-responses.js';
import { errorMessageText } from './responses.js';

interface ClientErrorAnswer {
  status: number;
  error: string;
  reason: string;
}

/**
 * The `clientError` listener: bytes Node's HTTP parser could not read as a request get a JSON
 * error like every other refusal, naming the parser's code and what to fix, and the connection
 * ends. An answer still being prepared for an earlier request on the same connection is sent
 * first, so a hit that was stored is never answered with this error in its place.
 */
export function answerClientError(error: Error, connection: Duplex): void {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
  if (code === 'ECONNRESET' || !connection.writable) {
    connection.destroy();
    return;
  }
  const { status, error: name, reason } = answerFor(code.replace(/[^A-Z0-9_]/g, '').slice(0, 40));
  afterOpenResponses(connection, () => {
    if (!connection.writable) return;
    connection.end(errorMessageText(status, name, reason), () => connection.destroy());
  });
}

function answerFor(code: string): ClientErrorAnswer {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      error: 'request_header_fields_too_large',
      reason:
        `the URL and headers are too long (${code}); ` +
        'send a long hit as POST, its events in the body',
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      error: 'request_timeout',
      reason: `the request did not arrive in time (${code}); send it again`,
    };
  }
  return {
    status: 400,
    error: 'bad_request',
    reason:
      `the bytes on this connection are not an HTTP/1.1 request (${code}); ` +
      'send a body only with Content-Length or chunked framing, and nothing after it',
  };
}
