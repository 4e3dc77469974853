import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedHit } from './recorded-hit.js';

// The largest body gtag sends is about 16 KB (protocol notes §2); anything far beyond is refused.
const MAX_BODY_BYTES = 256 * 1024;
const KEPT_HEADERS = ['content-type', 'origin', 'referer', 'user-agent'];

/**
 * The stand-in for Google's `/g/collect`: records every GET and POST with its body and answers
 * as Google does, 204 with no content and caching forbidden. Requests that carry an Origin
 * get it echoed with credentials allowed, as Google answers gtag's `fetch` calls; preflights
 * are answered too, though gtag's beacons (text/plain) never need one.
 */
export async function answerCollectRequest(
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
  hits: RecordedHit[],
): Promise<void> {
  const method = request.method ?? 'GET';
  const cors = corsHeaders(request);
  if (method === 'OPTIONS') {
    response.writeHead(200, { ...cors, ...googleHeaders() }).end();
    return;
  }
  if (method !== 'GET' && method !== 'POST') {
    response.writeHead(405, { allow: 'GET, POST, OPTIONS', ...googleHeaders() }).end();
    return;
  }

  const body = method === 'POST' ? await readBody(request) : '';
  if (body === undefined) {
    response.writeHead(413, googleHeaders()).end();
    return;
  }
  hits.push({
    method,
    url: origin + (request.url ?? '/g/collect'),
    body,
    headers: keptHeaders(request),
    time: Date.now(),
  });
  response.writeHead(204, { ...cors, ...googleHeaders() }).end();
}

function googleHeaders(): Record<string, string> {
  return {
    'cache-control': 'no-cache, no-store, must-revalidate',
    pragma: 'no-cache',
    expires: 'Fri, 01 Jan 1990 00:00:00 GMT',
    'content-type': 'text/plain',
    'cross-origin-resource-policy': 'cross-origin',
    server: 'Golfe2',
    'content-length': '0',
  };
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === '') return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'content-type',
  };
}

function keptHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // An oversized body is still read to its end, so the answer reaches the client.
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size <= MAX_BODY_BYTES) chunks.push(bytes);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}
