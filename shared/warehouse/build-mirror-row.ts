import type { DecodedConsent } from '../events/event-types.js';
import { buildEcommerce } from './build-ecommerce.js';
import { buildEventParams } from './build-event-params.js';
import { buildPrivacyInfo } from './build-privacy-info.js';
import { cleanJsonValue } from './clean-json-value.js';
import { cleanOptionalText, cleanText } from './clean-text.js';
import { describeDevice, hostnameOf, type DeviceClues } from './describe-device.js';
import { firstTouchFromClientId } from './first-touch-from-client-id.js';
import { formatEventDate } from './format-event-date.js';
import { mapMirrorItem } from './map-mirror-item.js';
import type { MirrorContext, MirrorRow, UserProperty } from './mirror-row.js';
import { readCollectedTrafficSource } from './read-collected-traffic-source.js';
import { readFiniteNumber } from './read-integer.js';
import { rememberLast } from '../text/remember-last.js';

/** What either input (a decoded hit or sGTM event data) says, in one shape. */
export interface MirrorFacts {
  eventName: string;
  eventId: string;
  measurementId: string | null;
  clientId: string | null;
  userId: string | null;
  /** Event parameters in order: derived ones (`page_location`…) first, the site's after. */
  params: Array<readonly [string, unknown]>;
  /** The site's parameters by name: ecommerce fields and item inheritance read them. */
  siteParams: Record<string, unknown>;
  userProperties: Record<string, unknown>;
  items: ReadonlyArray<Record<string, unknown>>;
  consent: DecodedConsent | null;
  device: DeviceClues;
  pageLocation: string | undefined;
  campaign: Record<string, string>;
  batch: { eventIndex: number | null; pageId: number | null; orderingId: number | null };
  bundleSequenceId: number | null;
}

/**
 * Assembles the mirror row from facts, filling every column of `MIRROR_COLUMNS` in order,
 * export columns the way GA4's export fills them and the rest null.
 */
export function buildMirrorRow(facts: MirrorFacts, context: MirrorContext): MirrorRow {
  const timestamp = Math.trunc(context.receivedAt) * 1000;
  const currency = typeof facts.siteParams.currency === 'string' ? facts.siteParams.currency : null;
  const items = facts.items.map((item) =>
    mapMirrorItem(item, { eventName: facts.eventName, eventParams: facts.siteParams, currency }),
  );
  const value = readFiniteNumber(facts.siteParams.value);
  const hostname = hostnameOf(facts.pageLocation);

  return {
    event_date: formatEventDate(context.receivedAt, context.timeZone),
    event_timestamp: timestamp,
    event_name: cleanText(facts.eventName),
    event_params: buildEventParams(facts.params),
    event_previous_timestamp: null,
    event_value_in_usd: currency === 'USD' ? value : null,
    event_bundle_sequence_id: facts.bundleSequenceId,
    event_server_timestamp_offset: null,
    user_id: cleanOptionalText(facts.userId),
    user_pseudo_id: cleanOptionalText(facts.clientId),
    privacy_info: buildPrivacyInfo(facts.consent),
    user_properties: buildUserProperties(facts.userProperties, timestamp),
    user_first_touch_timestamp: firstTouchFromClientId(facts.clientId),
    user_ltv: null,
    device: describeDevice(facts.device),
    geo: null,
    app_info: null,
    traffic_source: null,
    stream_id: cleanOptionalText(context.streamId ?? facts.measurementId),
    platform: 'WEB',
    event_dimensions: hostname === null ? null : { hostname: cleanText(hostname) },
    ecommerce: buildEcommerce({
      eventName: facts.eventName,
      params: facts.siteParams,
      items,
      currency,
    }),
    items,
    collected_traffic_source: readCollectedTrafficSource(facts.pageLocation, facts.campaign),
    is_active_user: null,
    batch_event_index: facts.batch.eventIndex,
    batch_page_id: facts.batch.pageId,
    batch_ordering_id: facts.batch.orderingId,
    ...mirrorFields(facts, context),
  };
}

function mirrorFields(
  facts: MirrorFacts,
  context: MirrorContext,
): Pick<
  MirrorRow,
  'event_id' | 'source' | 'measurement_id' | 'consent' | 'received_at' | 'template_version'
> {
  const hasConsent = facts.consent !== null && Object.keys(facts.consent).length > 0;
  return {
    event_id: facts.eventId,
    source: context.source,
    measurement_id: cleanOptionalText(facts.measurementId),
    consent: hasConsent ? cleanJsonValue(facts.consent) : null,
    received_at: isoTime(Math.trunc(context.receivedAt)),
    template_version: cleanOptionalText(context.templateVersion),
  };
}

/** ISO text of a time in milliseconds, written once for all the events of a hit. */
const isoTime = rememberLast((milliseconds: number) => new Date(milliseconds).toISOString());

function buildUserProperties(
  properties: Record<string, unknown>,
  timestamp: number,
): UserProperty[] {
  return buildEventParams(Object.entries(properties)).map((property) => ({
    key: property.key,
    value: { ...property.value, set_timestamp_micros: timestamp },
  }));
}
