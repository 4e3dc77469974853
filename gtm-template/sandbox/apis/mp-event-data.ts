import { parseQuery } from '../../../shared/text/parse-query.js';
import { setEntry } from '../../../shared/text/set-entry.js';
import type { Ga4Event } from '../../../shared/events/event-types.js';
import type { ServerWorld } from '../contract.js';
import { headerValue } from './get-cookie-values.js';

type EventData = Record<string, unknown>;

function put(data: EventData, key: string, value: unknown): void {
  if (value !== undefined && value !== '') setEntry(data, key, value);
}

function requestFacts(data: EventData, world: ServerWorld): void {
  put(data, 'ip_override', world.request.remoteAddress);
  put(data, 'user_agent', headerValue(world.request.headers, 'user-agent'));
}

function pageFacts(data: EventData, location: unknown): void {
  if (typeof location !== 'string') return;
  try {
    const url = new URL(location);
    put(data, 'page_hostname', url.hostname);
    put(data, 'page_path', url.pathname);
  } catch {
    // A page location that is not a URL leaves hostname and path unset.
  }
}

/**
 * The common event data (reference notes §3.4) of one decoded GA4 event: event parameters by
 * name, ids, page fields, items, user properties and the `x-ga-*` keys GTM's GA4 client adds.
 * A minimal rendering: keys the GA4 client derives from elsewhere are left out.
 */
export function eventDataFromGa4(event: Ga4Event, world: ServerWorld): EventData {
  const data: EventData = {};
  for (const [name, value] of Object.entries(event.params)) put(data, name, value);
  put(data, 'event_name', event.name ?? undefined);
  put(data, 'client_id', event.ids.clientId);
  put(data, 'ga_session_id', event.ids.sessionId);
  put(data, 'ga_session_number', event.ids.sessionCount);
  put(data, 'user_id', event.ids.userId);
  put(data, 'page_location', event.page.location);
  put(data, 'page_title', event.page.title);
  put(data, 'page_referrer', event.page.referrer);
  put(data, 'language', event.page.language);
  put(data, 'screen_resolution', event.page.screenResolution);
  pageFacts(data, event.page.location);
  if (event.items.length > 0)
    put(
      data,
      'items',
      event.items.map((item) => ({ ...item })),
    );
  if (Object.keys(event.userProperties).length > 0)
    put(data, 'user_properties', { ...event.userProperties });
  requestFacts(data, world);
  put(data, 'x-ga-protocol_version', '2');
  put(data, 'x-ga-measurement_id', event.ids.measurementId);
  put(
    data,
    'x-ga-page_id',
    event.ids.pageLoadId === undefined ? undefined : Number(event.ids.pageLoadId),
  );
  put(data, 'x-ga-request_count', event.ids.hitSequence);
  put(data, 'x-ga-gcs', event.consent.gcs);
  put(data, 'x-ga-gcd', event.consent.gcd);
  return data;
}

const UNIVERSAL_FIELDS: Record<string, string> = {
  cid: 'client_id',
  uid: 'user_id',
  dl: 'page_location',
  dt: 'page_title',
  dr: 'page_referrer',
  ul: 'language',
  sr: 'screen_resolution',
  tid: 'x-ga-measurement_id',
};

/** The event data of one Universal Analytics hit: common fields, the rest as `x-ga-mp1-<key>`. */
export function eventDataFromUniversal(query: string, line: string, world: ServerWorld): EventData {
  const pairs = [...parseQuery(query), ...parseQuery(line)];
  const data: EventData = {};
  for (const pair of pairs) {
    const field = Object.hasOwn(UNIVERSAL_FIELDS, pair.key)
      ? UNIVERSAL_FIELDS[pair.key]
      : undefined;
    put(data, field ?? `x-ga-mp1-${pair.key}`, pair.value);
  }
  const hitType = pairs.find((pair) => pair.key === 't')?.value;
  const action = pairs.find((pair) => pair.key === 'ea')?.value;
  put(
    data,
    'event_name',
    hitType === 'pageview' ? 'page_view' : hitType === 'event' ? (action ?? 'event') : hitType,
  );
  pageFacts(data, data.page_location);
  requestFacts(data, world);
  put(data, 'x-ga-protocol_version', '1');
  return data;
}
