import type { ConsentSignal, Ga4Event } from '../../../shared/events/event-types.js';
import { lineageNodeFromGa4Event } from '../../../shared/lineage/lineage-node-from-ga4-event.js';
import { matchLineage } from '../../../shared/lineage/match-lineage.js';
import type { SessionGa4Event, SessionLayers } from './session-layers.js';

/** The effective state of one consent type, as the decoder reads it from `gcs` and `gcd`. */
export type ConsentState = ConsentSignal['effective'];

/** A GA4 event sent while analytics_storage was denied. */
export interface DeniedHit {
  name: string | null;
  time: number;
  page?: string;
  /** `gcs` as sent: `G1`, then ad_storage and analytics_storage, 1 granted and 0 denied. */
  gcs?: string;
  adStorage: ConsentState;
  /** A later hit of the same tab went out with analytics_storage granted. */
  isBeforeGrant: boolean;
  /** A web mirror copy of this very hit reached the collector's way (lineage match). */
  isMirrored: boolean;
}

/**
 * `respected`: no mirror copy carried a client, session or user ID while analytics_storage was
 * denied; `breached`: one did; `no-mirror`: no copy was captured, so it cannot be told.
 */
export type MirrorConsentVerdict = 'respected' | 'breached' | 'no-mirror';

export interface ConsentFindings {
  /** GA4 events (mirror copies left out) by the analytics_storage state they were sent under. */
  hitsByState: Record<ConsentState, number>;
  deniedHits: DeniedHit[];
  mirror: {
    copies: number;
    /** Copies sent while analytics_storage was denied, and how many of them carried an ID. */
    deniedCopies: number;
    deniedCopiesWithIdentifiers: number;
    verdict: MirrorConsentVerdict;
  };
}

/**
 * What consent mode says about the hits of each tab: which went out while analytics_storage
 * was denied (before the visitor agreed, or with no agreement at all), and whether the web
 * mirror kept to it. The mirror template sends nothing, or nothing identifying, while
 * analytics_storage is denied (gtm-template/web-mirror/README.md, "Consent"), and stamps every
 * copy with `gcs`, so a denied copy carrying an ID is a breach.
 */
export function findConsentFindings(sessions: readonly SessionLayers[]): ConsentFindings {
  const findings: ConsentFindings = {
    hitsByState: { granted: 0, denied: 0, unset: 0, unknown: 0 },
    deniedHits: [],
    mirror: { copies: 0, deniedCopies: 0, deniedCopiesWithIdentifiers: 0, verdict: 'no-mirror' },
  };
  for (const layers of sessions) {
    const mirrored = mirroredHitIndexes(layers);
    const lastGrant = layers.ga4Events.findLastIndex(
      (placed) => analyticsStateOf(placed.event) === 'granted',
    );
    layers.ga4Events.forEach((placed, index) => {
      const state = analyticsStateOf(placed.event);
      findings.hitsByState[state] += 1;
      if (state === 'denied')
        findings.deniedHits.push(deniedHitOf(placed, index < lastGrant, mirrored.has(index)));
    });
    for (const copy of layers.mirrorEvents) countCopy(findings.mirror, copy.event);
  }

  const { mirror } = findings;
  if (mirror.copies > 0)
    mirror.verdict = mirror.deniedCopiesWithIdentifiers > 0 ? 'breached' : 'respected';
  return findings;
}

function deniedHitOf(placed: SessionGa4Event, isBeforeGrant: boolean, isMirrored: boolean) {
  const { consent, page, name } = placed.event;
  const hit: DeniedHit = {
    name,
    time: placed.time,
    adStorage: consent.ad_storage?.effective ?? 'unset',
    isBeforeGrant,
    isMirrored,
  };
  if (page.location !== undefined) hit.page = page.location;
  if (consent.gcs !== undefined) hit.gcs = consent.gcs;
  return hit;
}

function countCopy(mirror: ConsentFindings['mirror'], event: Ga4Event): void {
  mirror.copies += 1;
  if (analyticsStateOf(event) !== 'denied') return;
  mirror.deniedCopies += 1;
  const { clientId, sessionId, userId } = event.ids;
  if ([clientId, sessionId, userId].some((id) => id !== undefined && id !== ''))
    mirror.deniedCopiesWithIdentifiers += 1;
}

// The hits the lineage matcher pairs with a mirror copy: same page, name, IDs and time.
function mirroredHitIndexes(layers: SessionLayers): Set<number> {
  const nodes = [
    ...layers.ga4Events.map((placed, index) => nodeOf(placed, `hit-${index}`)),
    ...layers.mirrorEvents.map((placed, index) => nodeOf(placed, `mirror-${index}`)),
  ];
  const { links } = matchLineage(nodes, { expectsMirror: true });
  return new Set(
    links
      .filter((link) => link.kind === 'mirrored-as' && link.from.startsWith('hit-'))
      .map((link) => Number(link.from.slice('hit-'.length))),
  );
}

function nodeOf(placed: SessionGa4Event, id: string) {
  return lineageNodeFromGa4Event(placed.event, {
    id,
    time: placed.time,
    scope: String(placed.navigationId),
  });
}

function analyticsStateOf(event: Ga4Event): ConsentState {
  return event.consent.analytics_storage?.effective ?? 'unset';
}
