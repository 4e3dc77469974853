import type { Ga4Event } from '../events/event-types.js';
import { buildMirrorRow } from './build-mirror-row.js';
import type { DeviceClues } from './describe-device.js';
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
      params: eventParamPairs(event),
      siteParams: event.params,
      userProperties: event.userProperties,
      items: event.items,
      consent: event.consent,
      device: deviceClues(event, context),
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

function deviceClues(event: Ga4Event, context: MirrorContext): DeviceClues {
  const clues: DeviceClues = { clientHints: event.clientHints };
  if (event.page.language !== undefined) clues.language = event.page.language;
  if (event.page.location !== undefined) clues.pageLocation = event.page.location;
  if (context.userAgent !== undefined) clues.userAgent = context.userAgent;
  return clues;
}

/** The derived parameters, then the site's own, in one array built without copies. */
function eventParamPairs(event: Ga4Event): Array<readonly [string, unknown]> {
  const pairs = derivedParams(event);
  for (const key in event.params) {
    if (Object.hasOwn(event.params, key)) pairs.push([key, event.params[key]]);
  }
  return pairs;
}

/** Parameters GA4 adds to every web event from hit-level fields (protocol notes §6). */
function derivedParams(event: Ga4Event): Array<readonly [string, unknown]> {
  const { page, ids, session, flags } = event;
  const sessionId =
    ids.sessionId === undefined ? undefined : (readInteger(ids.sessionId) ?? ids.sessionId);
  const pairs: Array<readonly [string, unknown]> = [];
  if (page.location !== undefined) pairs.push(['page_location', page.location]);
  if (page.title !== undefined) pairs.push(['page_title', page.title]);
  if (page.referrer !== undefined && page.referrer !== '') {
    pairs.push(['page_referrer', page.referrer]);
  }
  if (sessionId !== undefined) pairs.push(['ga_session_id', sessionId]);
  if (ids.sessionCount !== undefined) pairs.push(['ga_session_number', ids.sessionCount]);
  if (session.engagementTimeMs !== undefined) {
    pairs.push(['engagement_time_msec', session.engagementTimeMs]);
  }
  if (session.engaged !== undefined) pairs.push(['session_engaged', session.engaged ? '1' : '0']);
  if (flags._dbg === '1') pairs.push(['debug_mode', 1]);
  return pairs;
}
