import { decodeRequest, type DecodedRequest } from '../../../shared/beacons/decode-request.js';

/** The request a hit made, as the worker decodes it. */
export interface HitRequest {
  url: string;
  body?: string;
  method?: string;
}

// A hit is decoded for its list summary and again for the badge moments later; a page sends a
// few dozen hits, so the last 32 cover both uses without holding a session's worth.
const maxRemembered = 32;
const recent = new Map<string, DecodedRequest>();

/**
 * `decodeRequest` for the background, remembering the last few hits decoded so the summary
 * and the badge count share one decoding. Callers only read what it returns.
 */
export function decodeHitOnce(request: HitRequest): DecodedRequest {
  const body = request.body === undefined ? '-' : `+${request.body}`;
  const key = `${request.method ?? ''}\n${request.url}\n${body}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const decoded = decodeRequest({
    url: request.url,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.method ? { method: request.method } : {}),
  });
  if (recent.size >= maxRemembered) {
    const oldest = recent.keys().next();
    if (oldest.done !== true) recent.delete(oldest.value);
  }
  recent.set(key, decoded);
  return decoded;
}
