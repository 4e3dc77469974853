import type { AuxiliaryRequest, Ga4Event, VendorBeacon } from '../events/event-types.js';
import { decodeCollectPayload } from '../ga4/decode-collect-hit.js';
import { decodeMeasurementProtocol } from '../ga4/decode-measurement-protocol.js';
import { recogniseGa4Request } from '../ga4/recognise-ga4-request.js';
import { splitUrl } from '../text/split-url.js';
import { unescapeHtmlAmpersands } from '../text/unescape-html-ampersands.js';
import type { VendorRequest } from './beacon-provider.js';
import { BEACON_PROVIDERS } from './beacon-providers.js';

/** One captured request. The method never decides the format (protocol notes §2). */
export interface CapturedRequest {
  url: string;
  body?: string;
  method?: string;
}

export interface DecodeRequestOptions {
  /**
   * The text was pasted by a person, not captured: trim it and undo HTML-escaped
   * ampersands (`&amp;`, `&amp;amp;` …) from HTML pages and HAR viewers.
   */
  pasted?: boolean;
}

/** What a request turned out to be, with what was decoded from it. */
export type DecodedRequest =
  | {
      kind: 'ga4';
      /** `gtag` for `/g/collect` hits, `measurement-protocol` for the JSON `/mp/collect` API. */
      protocol: 'gtag' | 'measurement-protocol';
      /** True when an obfuscating loader wrapped the hit in base64 (protocol notes §1.2). */
      isBase64Wrapped: boolean;
      events: Ga4Event[];
    }
  | {
      kind: 'vendor';
      /** The first beacon: the only one, except for Universal Analytics `/batch` requests. */
      beacon: VendorBeacon;
      beacons: VendorBeacon[];
    }
  | { kind: 'auxiliary'; request: AuxiliaryRequest }
  | { kind: 'unrecognised' };

/**
 * Decides what an analytics request is and decodes it: GA4 (gtag `/g/collect` on any host,
 * bare query strings, base64-wrapped loaders, or the JSON Measurement Protocol), Google
 * traffic that only looks like GA4 (auxiliary), Universal Analytics, Google Ads, Floodlight
 * or the Meta pixel. Never throws; anything malformed becomes warnings on what it decodes to.
 */
export function decodeRequest(
  request: CapturedRequest,
  options?: DecodeRequestOptions,
): DecodedRequest {
  const isPasted = options?.pasted === true;
  const url = isPasted ? unescapeHtmlAmpersands(request.url.trim()) : request.url;
  const body =
    isPasted && request.body !== undefined ? unescapeHtmlAmpersands(request.body) : request.body;
  const parts = splitUrl(url);
  const endpoint = parts.authority + parts.path;

  const ga4 = recogniseGa4Request(parts);
  switch (ga4.kind) {
    case 'collect': {
      const events = decodeCollectPayload(ga4.query, body, endpoint);
      return { kind: 'ga4', protocol: 'gtag', isBase64Wrapped: ga4.isBase64Wrapped, events };
    }
    case 'measurement-protocol': {
      const events = decodeMeasurementProtocol(parts, body);
      return { kind: 'ga4', protocol: 'measurement-protocol', isBase64Wrapped: false, events };
    }
    case 'auxiliary':
      return { kind: 'auxiliary', request: ga4.request };
    case 'none':
      return decodeVendorRequest({ parts, body, endpoint });
  }
}

function decodeVendorRequest(request: VendorRequest): DecodedRequest {
  const provider = BEACON_PROVIDERS.find((candidate) => candidate.matches(request));
  if (provider === undefined) {
    return { kind: 'unrecognised' };
  }
  const result = provider.decode(request);
  if (result.kind === 'auxiliary') {
    return result;
  }
  const [beacon] = result.beacons;
  return beacon === undefined
    ? { kind: 'unrecognised' }
    : { kind: 'vendor', beacon, beacons: result.beacons };
}
