import type { AuxiliaryRequest } from '../events/event-types.js';
import { findQueryValue } from '../text/find-query-value.js';
import type { UrlParts } from '../text/split-url.js';
import { isGoogleHost } from './is-google-host.js';

/**
 * Recognises Google requests that resemble GA4 or Google Ads hits but carry no event
 * (protocol notes §1.3): signals pings, remarketing-list registrations, tag diagnostics and script
 * loads, Ads cookie measurement, and the Universal Analytics audiences request (sample B4).
 * QA users ask about them, so they are labelled instead of dropped. Undefined for anything else.
 */
export function recogniseGoogleAuxiliary(parts: UrlParts): AuxiliaryRequest | undefined {
  const kind = auxiliaryKind(parts);
  if (kind === undefined) {
    return undefined;
  }
  const request: AuxiliaryRequest = {
    layer: 'other',
    vendor: 'google-auxiliary',
    kind,
    endpoint: parts.authority + parts.path,
  };
  const measurementId = measurementIdOf(parts);
  return measurementId === undefined ? request : { ...request, measurementId };
}

function auxiliaryKind(parts: UrlParts): string | undefined {
  const { host, path } = parts;
  if (host.endsWith('doubleclick.net')) {
    if (path.endsWith('/g/collect')) return 'signals-ping';
    if (path.startsWith('/td/ga/rul')) return 'remarketing-user-list';
    if (path.startsWith('/td/rul/')) return 'ads-user-list';
    return undefined;
  }
  if (host.endsWith('googletagmanager.com')) {
    if (path === '/a') return 'tag-diagnostics';
    if (path === '/gtm.js' || path.startsWith('/gtag/')) return 'tag-script';
    if (path.startsWith('/static/service_worker/')) return 'service-worker-frame';
    return undefined;
  }
  if (isGoogleHost(host)) {
    if (path === '/ccm/collect') return 'ads-cookie-measurement';
    if (path.startsWith('/ads/ga-audiences')) return 'ua-audiences';
    if (path.startsWith('/pagead/1p-user-list/')) return 'ads-user-list';
  }
  return undefined;
}

/** The tag the request belongs to: `tid` or `id` in the query, else the Ads ID in the path. */
function measurementIdOf(parts: UrlParts): string | undefined {
  const fromQuery = findQueryValue(parts.query, 'tid') ?? findQueryValue(parts.query, 'id');
  if (fromQuery !== undefined && fromQuery !== '') {
    return fromQuery;
  }
  const adsId = /\/(?:td\/rul|pagead\/1p-user-list)\/(\d+)/.exec(parts.path)?.[1];
  return adsId === undefined ? undefined : `AW-${adsId}`;
}
