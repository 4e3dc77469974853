import type { DecodedConsent } from '../events/event-types.js';
import { decodeConsentSignals } from '../ga4/decode-consent-signals.js';
import { buildMirrorRow } from './build-mirror-row.js';
import { canonicalJson } from './canonical-json.js';
import { explicitEventId } from './explicit-event-id.js';
import { hashIdentity } from './hash-identity.js';
import type { MirrorContext, MirrorRow } from './mirror-row.js';
import { readInteger } from './read-integer.js';
import { setEntry } from '../text/set-entry.js';

/** sGTM keys with a column of their own, or that describe the request rather than the event. */
const NOT_PARAMS: ReadonlySet<string> = new Set([
  'event_name',
  'client_id',
  'user_id',
  'items',
  'user_properties',
  'language',
  'screen_resolution',
  'user_agent',
  'page_hostname',
  'page_path',
  'page_encoding',
  'event_location',
]);

/** Parameters the GA4 export holds as integers, which event data may carry as digit text. */
const INTEGER_PARAMS: ReadonlySet<string> = new Set([
  'ga_session_id',
  'ga_session_number',
  'engagement_time_msec',
]);

/** Personal data the mirror never stores: the IP address and enhanced-conversion user data. */
function isPersonalKey(key: string): boolean {
  return key === 'ip_override' || key === 'user_data' || key.startsWith('user_data.');
}

/** sGTM's internal keys (`x-ga-*`, `x-sst-*`, `x-ads-*`): protocol details, not parameters. */
function isInternalKey(key: string): boolean {
  return key.startsWith('x-');
}

/**
 * Maps server-side GTM event data (the GA4 client's common event data, gtm-templates notes
 * §3.4) to a mirror row. Event parameters are every key that is not a column of its own, not
 * internal (`x-ga-*`) and not personal: `ip_override` and `user_data.*` are never stored.
 * Consent comes from `x-ga-gcs`/`x-ga-gcd` through the same decoder as hits; `x-ga-page_id`
 * and `x-ga-request_count` become `batch_page_id` and `batch_ordering_id`. Without an
 * `event_id` parameter the id hashes the event data itself, so a retried request is stored
 * once. Returns null when `event_name` is missing or not text.
 */
export function eventDataToMirrorRow(
  eventData: Record<string, unknown>,
  context: MirrorContext,
): MirrorRow | null {
  const eventName = eventData.event_name;
  if (typeof eventName !== 'string' || eventName === '') {
    return null;
  }
  const siteParams = collectParams(eventData);
  const hostname = textOf(eventData.page_hostname);
  const pageLocation =
    textOf(eventData.page_location) ??
    (hostname === undefined ? undefined : `https://${hostname}/`);
  return buildMirrorRow(
    {
      eventName,
      eventId:
        explicitEventId(eventData.event_id) ??
        hashIdentity(`sgtm\u0001${canonicalJson(eventData)}`),
      measurementId: textOf(eventData['x-ga-measurement_id']) ?? null,
      clientId: textOf(eventData.client_id) ?? null,
      userId: textOf(eventData.user_id) ?? null,
      params: Object.entries(siteParams),
      siteParams,
      userProperties: recordOf(eventData.user_properties),
      items: Array.isArray(eventData.items) ? eventData.items.filter(isRecord) : [],
      consent: readConsent(eventData),
      device: {
        clientHints: {},
        ...optional('language', textOf(eventData.language)),
        ...optional('pageLocation', pageLocation),
        ...optional('userAgent', textOf(eventData.user_agent)),
      },
      pageLocation,
      campaign: {},
      batch: {
        eventIndex: null,
        pageId: readInteger(eventData['x-ga-page_id']),
        orderingId: readInteger(eventData['x-ga-request_count']),
      },
      bundleSequenceId: readInteger(eventData['x-ga-request_count']),
    },
    context,
  );
}

function collectParams(eventData: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(eventData)) {
    if (NOT_PARAMS.has(key) || isPersonalKey(key) || isInternalKey(key)) {
      continue;
    }
    setEntry(params, key, INTEGER_PARAMS.has(key) ? (readInteger(value) ?? value) : value);
  }
  return params;
}

function readConsent(eventData: Record<string, unknown>): DecodedConsent | null {
  const consent: DecodedConsent = {};
  const gcs = textOf(eventData['x-ga-gcs']);
  const gcd = textOf(eventData['x-ga-gcd']);
  const npa = eventData['x-ga-npa'];
  const dma = eventData['x-ga-dma'];
  const dmaCps = textOf(eventData['x-ga-dma_cps']);
  if (gcs !== undefined) consent.gcs = gcs;
  if (gcd !== undefined) consent.gcd = gcd;
  if (npa !== undefined && npa !== null) consent.npa = String(npa);
  if (typeof dma === 'boolean') consent.dma = dma ? '1' : '0';
  if (typeof dma === 'string') consent.dma = dma;
  if (dmaCps !== undefined) consent.dmaCps = dmaCps;
  if (Object.keys(consent).length === 0) {
    return null;
  }
  decodeConsentSignals(consent, []);
  return consent;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value === '' ? undefined : value;
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function recordOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional<Key extends string>(
  key: Key,
  value: string | undefined,
): Partial<Record<Key, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<Key, string>);
}
