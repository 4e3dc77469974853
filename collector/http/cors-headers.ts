import type { IncomingMessage } from 'node:http';

/** CORS headers for a request, or `forbidden` when its origin is not allowed. */
export type CorsDecision = { headers: Record<string, string> } | { forbidden: string };

/**
 * With no `--allow-origin`, any origin may send (pixels and gtag's no-cors requests need no CORS)
 * and no CORS header is added. With a list, a request whose Origin is on it gets it echoed
 * back; one from any other origin is refused (403), since a browser would hide the answer anyway.
 */
export function corsHeaders(
  request: IncomingMessage,
  allowOrigins: readonly string[],
): CorsDecision {
  const origin = request.headers.origin;
  if (allowOrigins.length === 0 || origin === undefined) {
    return { headers: {} };
  }
  const isAllowed = allowOrigins.includes('*') || allowOrigins.includes(origin);
  if (!isAllowed) {
    return { forbidden: `origin ${origin.slice(0, 100)} is not allowed (--allow-origin)` };
  }
  return {
    headers: {
      'Access-Control-Allow-Origin': allowOrigins.includes('*') ? '*' : origin,
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Expose-Headers': 'X-Tagwarden-Stored, X-Tagwarden-Rejected',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    },
  };
}
