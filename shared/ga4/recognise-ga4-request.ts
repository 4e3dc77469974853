import type { AuxiliaryRequest } from '../events/event-types.js';
import { findQueryValue } from '../text/find-query-value.js';
import type { UrlParts } from '../text/split-url.js';
import { recogniseGoogleAuxiliary } from './recognise-google-auxiliary.js';
import { unwrapBase64Loader } from './unwrap-base64-loader.js';

/** What a request is, as far as GA4 is concerned. */
export type Ga4Recognition =
  /** A gtag `/g/collect` hit; `query` is its query string (unwrapped if it came base64-wrapped). */
  | { kind: 'collect'; query: string; isBase64Wrapped: boolean }
  /** The JSON Measurement Protocol (`/mp/collect`, `/debug/mp/collect`). */
  | { kind: 'measurement-protocol' }
  /** Google traffic that looks like GA4 but is not an event (§1.3). */
  | { kind: 'auxiliary'; request: AuxiliaryRequest }
  | { kind: 'none' };

/** Hosts whose own `/g/collect`-like paths are not GA4 (Omnibug's exclusions, §1.1). */
const LOOKALIKE_HOSTS = ['clarity.ms', 'transcend.io'];

/**
 * Decides whether a request is a GA4 hit, without trusting the host: gtag traffic goes to
 * Google's hosts, regional hosts, first-party and server-side (sGTM) hosts under any path
 * prefix, or relative paths (§1.2). Recognised: any path ending in `/g/collect` (unless
 * `v=1`, which is Universal Analytics, §3.10); any path or bare query string carrying
 * `v=2` with a `G-` measurement ID (sample A15); the base64 loader form; and look-alikes,
 * which come back as auxiliary.
 */
export function recogniseGa4Request(parts: UrlParts): Ga4Recognition {
  const auxiliary = recogniseGoogleAuxiliary(parts);
  if (auxiliary !== undefined) {
    return { kind: 'auxiliary', request: auxiliary };
  }
  if (LOOKALIKE_HOSTS.some((host) => isSameOrSubdomain(parts.host, host))) {
    return { kind: 'none' };
  }

  const { path, query } = parts;
  if (path.endsWith('/mp/collect')) {
    return { kind: 'measurement-protocol' };
  }
  if (path.endsWith('/g/collect') || path === 'g/collect') {
    const isUniversal = findQueryValue(query, 'v') === '1';
    return isUniversal ? { kind: 'none' } : { kind: 'collect', query, isBase64Wrapped: false };
  }
  if (hasGa4Shape(query)) {
    return { kind: 'collect', query, isBase64Wrapped: false };
  }
  const hidden = unwrapBase64Loader(query);
  return hidden === undefined
    ? { kind: 'none' }
    : { kind: 'collect', query: hidden.query, isBase64Wrapped: true };
}

function isSameOrSubdomain(host: string, domain: string): boolean {
  return host.endsWith(domain) && (host.length === domain.length || host.endsWith(`.${domain}`));
}

function hasGa4Shape(query: string): boolean {
  return findQueryValue(query, 'v') === '2' && /^G-/i.test(findQueryValue(query, 'tid') ?? '');
}
