import type { Ga4Event } from '../events/event-types.js';
import { isGoogleHost } from '../ga4/is-google-host.js';

/** Google's own collection hosts; a GA4 hit elsewhere went to a first-party or sGTM endpoint. */
const GOOGLE_COLLECTION_DOMAINS = [
  'google-analytics.com',
  'analytics.google.com',
  'googletagmanager.com',
  'doubleclick.net',
  'googlesyndication.com',
  'googleadservices.com',
];

/**
 * Which lane a GA4-protocol hit belongs to: `mirror` when it carries the web mirror
 * template's marker (`tw_src=web_mirror`, gtm-template/web-mirror), `ga4` when it went to a
 * Google host (or no host is known, as for a pasted query), else `sgtm`: a server-side GTM
 * or first-party endpoint.
 */
export function classifyGa4Hit(
  event: Pick<Ga4Event, 'raw' | 'endpoint'>,
): 'ga4' | 'sgtm' | 'mirror' {
  if (Object.hasOwn(event.raw, 'tw_src') && event.raw['tw_src'] === 'web_mirror') return 'mirror';
  const host = hostOf(event.endpoint);
  if (host === '' || isGoogleCollectionHost(host)) return 'ga4';
  return 'sgtm';
}

function hostOf(endpoint: string): string {
  const slash = endpoint.indexOf('/');
  const authority = slash === -1 ? endpoint : endpoint.slice(0, slash);
  if (!authority.includes('.') && !authority.includes(':')) return '';
  return authority.replace(/:\d+$/, '').toLowerCase();
}

function isGoogleCollectionHost(host: string): boolean {
  if (isGoogleHost(host)) return true;
  return GOOGLE_COLLECTION_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
