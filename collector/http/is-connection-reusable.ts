import type { IncomingMessage } from 'node:http';

/**
 * Whether the connection a request came on may carry the next request once this one is
 * answered: only when the collector knows where that next request starts, that is after a GET
 * or POST whose declared body, if any, has arrived in full. Any other answer (a refusal sent
 * before the body was read, a body over the limit, any other method) ends the connection, so
 * the client's next request starts on a new one and is never parsed from what is left here.
 */
export function isConnectionReusable(request: IncomingMessage): boolean {
  // Node's own http client sends a DELETE or OPTIONS body with neither Content-Length nor
  // chunked framing. RFC 9112 §6.3 gives such a request no body, so the bytes would be read as
  // the start of the next request (`A` + `GET /g/collect…` is not a method: 400 for a good hit).
  // A GET body sent that way cannot be told apart from the next request and stays a risk.
  if (request.method !== 'GET' && request.method !== 'POST') {
    return false;
  }
  return request.complete || !declaresBody(request);
}

function declaresBody(request: IncomingMessage): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return request.headers['transfer-encoding'] !== undefined || length > 0;
}
