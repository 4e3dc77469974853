import type { CapturedPush, CapturedRequest } from '../../../shared/capture/captured-input.js';
import { decodeRequest } from '../../../shared/beacons/decode-request.js';
import type { Ga4Event } from '../../../shared/events/event-types.js';
import { classifyGa4Hit } from '../../../shared/lineage/classify-ga4-hit.js';
import type { SessionHit, TabSession } from '../../../extension/src/common/session-types.js';

/** A decoded GA4 event of the session, with the hit it came in and the page it left from. */
export interface SessionGa4Event {
  event: Ga4Event;
  hitSeq: number;
  time: number;
  /** The top-frame navigation the hit belongs to: records of one page share it. */
  navigationId: number;
}

/** One browser session split by layer, as capture records and as decoded events. */
export interface SessionLayers {
  pushes: CapturedPush[];
  /** The navigation of each push, index for index. */
  pushNavigations: number[];
  /** The hits to GA4 (and first-party GA4 endpoints), the records `checkCaptures` judges. */
  ga4Requests: CapturedRequest[];
  ga4Events: SessionGa4Event[];
  /** The web mirror's copies, on their way to the collector. */
  mirrorEvents: SessionGa4Event[];
}

/**
 * Splits an extension session into the dataLayer, the GA4 hits and the web mirror's hits.
 * The mirror's copies are kept out of the GA4 layer: they repeat the events, and judging them
 * again would count every event twice.
 */
export function sessionLayers(session: TabSession): SessionLayers {
  const layers: SessionLayers = {
    pushes: [],
    pushNavigations: [],
    ga4Requests: [],
    ga4Events: [],
    mirrorEvents: [],
  };
  const source = `extension tab ${session.tabId}`;
  for (const push of [...session.pushes].sort((left, right) => left.seq - right.seq)) {
    layers.pushes.push({
      kind: 'push',
      push: push.push,
      ...(push.dataLayerName && push.dataLayerName !== 'dataLayer'
        ? { dataLayerName: push.dataLayerName }
        : {}),
      pageUrl: push.pageUrl,
      time: push.time,
      source: { file: source, entry: push.seq },
    });
    layers.pushNavigations.push(push.navigationId);
  }
  for (const hit of [...session.hits].sort((left, right) => left.seq - right.seq))
    addHit(layers, hit, source);
  return layers;
}

function addHit(layers: SessionLayers, hit: SessionHit, source: string): void {
  const body = hit.page?.body ?? hit.network?.body;
  const request: CapturedRequest = {
    kind: 'request',
    url: hit.url,
    method: hit.method,
    ...(body ? { body } : {}),
    ...(hit.page?.pageUrl ? { pageUrl: hit.page.pageUrl } : {}),
    time: hit.time,
    source: { file: source, entry: hit.seq },
  };
  const decoded = decodeRequest(request);
  const events = decoded.kind === 'ga4' ? decoded.events : [];
  const isMirror = events.some((event) => classifyGa4Hit(event) === 'mirror');
  const placed = events.map((event) => ({
    event,
    hitSeq: hit.seq,
    time: hit.time,
    navigationId: hit.navigationId,
  }));
  if (isMirror) {
    layers.mirrorEvents.push(...placed);
    return;
  }
  layers.ga4Requests.push(request);
  layers.ga4Events.push(...placed);
}
