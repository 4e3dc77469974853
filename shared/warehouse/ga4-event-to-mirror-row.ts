import type { Ga4Event } from '../events/event-types.js';
import { buildMirrorRow } from './build-mirror-row.js';
import { ga4EventId } from './ga4-event-id.js';
import type { MirrorContext, MirrorRow } from './mirror-row.js';
import { readInteger } from './read-integer.js';

/**
 * Maps one decoded GA4 event (`decodeRequest` → `events`) to its mirror row. Beside the site's
 * parameters, `event_params` gets what GA4's export derives from the hit: `page_location`,
 * `page_title`, `page_referrer`, `ga_session_id`, `ga_session_number`, `engagement_time_msec`,
 * `session_engaged`, and `debug_mode` for debug hits. `_p`, `_s` and the batch line become
 * `batch_page_id`, `batch_ordering_id` and `batch_event_index`. Returns null for an event with no
 * name, which GA4 does not record either.
 */
export function ga4EventToMirrorRow(event: Ga4Event, context: MirrorContext): MirrorRow | null {
  if (event.name === null) {
    return null;
  }
  const ids = event.ids;
  return buildMirrorRow(
    {
      eventName: event.name,
      eventId: ga4EventId(event),
      measurementId: ids.measurementId ?? null,
      clientId: ids.clientId ?? null,
      userId: ids.userId ?? null,
      params: [...derivedParams(event), ...Object.entries(event.params)],
      siteParams: event.params,
      userProperties: event.userProperties,
      items: event.items,
      consent: event.consent,
      device: {
        clientHints: event.clientHints,
        ...(event.page.language === undefined ? {} : { language: event.page.language }),
        ...(event.page.location === undefined ? {} : { pageLocation: event.page.location }),
        ...(context.userAgent === undefined ? {} : { userAgent: context.userAgent }),
      },
      pageLocation: event.page.location,
      campaign: event.campaign,
      batch: {
        eventIndex: event.lineIndex,
        pageId: readInteger(ids.pageLoadId),
        orderingId: ids.hitSequence ?? null,
      },
      bundleSequenceId: ids.hitSequence ?? null,
    },
    context,
  );
}

/** Parameters GA4 adds to every web event from hit-level fields (protocol notes §6). */
function derivedParams(event: Ga4Event): Array<readonly [string, unknown]> {
  const { page, ids, session, flags } = event;
  const sessionId =
    ids.sessionId === undefined ? undefined : (readInteger(ids.sessionId) ?? ids.sessionId);
  const pairs: Array<readonly [string, unknown]> = [
    ['page_location', page.location],
    ['page_title', page.title],
    ['page_referrer', page.referrer === '' ? undefined : page.referrer],
    ['ga_session_id', sessionId],
    ['ga_session_number', ids.sessionCount],
    ['engagement_time_msec', session.engagementTimeMs],
    ['session_engaged', session.engaged === undefined ? undefined : session.engaged ? '1' : '0'],
    ['debug_mode', flags._dbg === '1' ? 1 : undefined],
  ];
  return pairs.filter(([, value]) => value !== undefined);
}
