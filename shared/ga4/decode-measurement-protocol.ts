import type { DecodedItem, Ga4Event, ParamValue } from '../events/event-types.js';
import { parseQuery } from '../text/parse-query.js';
import { setEntry } from '../text/set-entry.js';
import type { UrlParts } from '../text/split-url.js';
import { addWarning } from './add-warning.js';
import { createEmptyGa4Event } from './event-draft.js';

type JsonObject = Record<string, unknown>;

/** Event parameters that also fill the event's page, ids and session fields. */
const LIFTED_PARAMS: Record<string, (event: Ga4Event, value: ParamValue) => void> = {
  page_location: (event, value) => (event.page.location = String(value)),
  page_title: (event, value) => (event.page.title = String(value)),
  page_referrer: (event, value) => (event.page.referrer = String(value)),
  language: (event, value) => (event.page.language = String(value)),
  screen_resolution: (event, value) => (event.page.screenResolution = String(value)),
  session_id: (event, value) => (event.ids.sessionId = String(value)),
  engagement_time_msec: (event, value) => {
    if (typeof value === 'number') event.session.engagementTimeMs = value;
  },
};

/** Query keys that are credentials, not analytics data: kept as present, never copied. */
const SECRET_KEYS = new Set(['api_secret']);

/**
 * Decodes a Measurement Protocol request: JSON body `{client_id, user_id, user_properties,
 * consent, events: [{name, params}]}` plus `measurement_id`/`api_secret` in the query
 * (protocol notes §1.1; developers.google.com/analytics/devguides/collection/protocol/ga4).
 * One event per entry of `events`, numbered by `lineIndex`. `raw` holds the query values and
 * each top-level JSON field as JSON text; MP `consent` (no gcs/gcd to attribute it to) is
 * kept as JSON in `unknown.consent`. An unreadable body yields one nameless event with a
 * warning.
 */
export function decodeMeasurementProtocol(parts: UrlParts, body: string | undefined): Ga4Event[] {
  const endpoint = parts.authority + parts.path;
  const payload = parseJsonObject(body ?? '');
  const events = Array.isArray(payload?.events) ? (payload.events as unknown[]) : [];
  if (payload === undefined || events.length === 0) {
    const event = buildEvent(parts, payload ?? {}, {}, endpoint, 0);
    if (payload === undefined) {
      addWarning(event.warnings, 'invalid_json', 'the body is not a JSON object');
    }
    return [event];
  }
  return events.map((entry, index) =>
    buildEvent(parts, payload, isJsonObject(entry) ? entry : {}, endpoint, index),
  );
}

function buildEvent(
  parts: UrlParts,
  payload: JsonObject,
  entry: JsonObject,
  endpoint: string,
  index: number,
): Ga4Event {
  const event = createEmptyGa4Event(endpoint, index);
  applyQuery(event, parts.query);
  applyPayload(event, payload);
  event.name = typeof entry.name === 'string' && entry.name !== '' ? entry.name : null;
  setEntry(event.raw, 'event', JSON.stringify(entry));
  applyParams(event, isJsonObject(entry.params) ? entry.params : {});
  if (event.name === null) {
    addWarning(event.warnings, 'missing_event_name', `events[${index}] has no name`);
  }
  return event;
}

function applyQuery(event: Ga4Event, query: string): void {
  for (const pair of parseQuery(query)) {
    const isSecret = SECRET_KEYS.has(pair.key);
    setEntry(event.raw, pair.key, isSecret ? '[redacted]' : pair.rawValue);
    if (pair.key === 'measurement_id' || pair.key === 'firebase_app_id') {
      event.ids.measurementId = pair.value;
    } else {
      setEntry(event.unknown, pair.key, isSecret ? '[redacted]' : pair.value);
    }
  }
}

function applyPayload(event: Ga4Event, payload: JsonObject): void {
  for (const [key, value] of Object.entries(payload)) {
    if (key !== 'events') {
      setEntry(event.raw, key, JSON.stringify(value));
    }
  }
  if (typeof payload.client_id === 'string') event.ids.clientId = payload.client_id;
  if (typeof payload.user_id === 'string' && payload.user_id !== '') {
    event.ids.userId = payload.user_id;
  }
  if (payload.consent !== undefined) {
    event.unknown.consent = JSON.stringify(payload.consent);
  }
  if (payload.timestamp_micros !== undefined) {
    event.unknown.timestamp_micros = String(payload.timestamp_micros);
  }
  const properties = isJsonObject(payload.user_properties) ? payload.user_properties : {};
  for (const [name, property] of Object.entries(properties)) {
    const value = isJsonObject(property) ? property.value : property;
    setEntry(event.userProperties, name, toParamValue(value));
  }
}

function applyParams(event: Ga4Event, params: JsonObject): void {
  for (const [name, value] of Object.entries(params)) {
    if (name === 'items' && Array.isArray(value)) {
      event.items = value.map(toItem);
      continue;
    }
    const paramValue = toParamValue(value);
    setEntry(event.params, name, paramValue);
    if (Object.hasOwn(LIFTED_PARAMS, name)) {
      LIFTED_PARAMS[name]?.(event, paramValue);
    }
  }
}

function toItem(entry: unknown): DecodedItem {
  const item: DecodedItem = {};
  for (const [key, value] of Object.entries(isJsonObject(entry) ? entry : {})) {
    setEntry(item, key, toParamValue(value));
  }
  return item;
}

/** Numbers and strings stay as they are; anything else becomes its JSON text. */
function toParamValue(value: unknown): ParamValue {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
