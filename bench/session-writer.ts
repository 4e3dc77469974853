import { summariseHit } from '../extension/src/background/summarise-hit.js';
import type {
  HitState,
  PageRequestView,
  SessionHit,
  SessionNavigation,
  SessionPush,
  TabSession,
} from '../extension/src/common/session-types.js';
import type { SeededRandom } from './seeded-random.js';

/** A request as the page world hands it over. */
export interface OutgoingRequest {
  url: string;
  body?: string;
  transport: PageRequestView['transport'];
  /** A markup image or a worker's request: only the network layer sees it. */
  isNetworkOnly?: boolean;
  /** A blocker in the browser cancels requests to this host. */
  isBlockable?: boolean;
}

/** Appends records to a tab session in the order the background would store them. */
export interface SessionWriter {
  random: SeededRandom;
  /** The clock, in ms since the epoch; only ever moves forward. */
  now(): number;
  wait(minMs: number, maxMs: number): void;
  navigate(kind: SessionNavigation['kind'], url: string): void;
  pageUrl(): string;
  push(value: unknown): void;
  send(request: OutgoingRequest): void;
  count(): number;
  /** The session, cut to its first `records` records. */
  finish(records: number): TabSession;
}

// Monday 2025-11-24 09:00 UTC: a fixed start keeps the session the same from run to run.
const START_TIME = 1_763_974_800_000;
const TAB_ID = 412;

export function createSessionWriter(random: SeededRandom): SessionWriter {
  const navigations: SessionNavigation[] = [];
  const pushes: SessionPush[] = [];
  const hits: SessionHit[] = [];
  let seq = 0;
  let time = START_TIME;
  const place = () => ({ frameId: 0, navigationId: navigations.at(-1)?.id ?? 0 });
  const current = () => navigations.at(-1);

  return {
    random,
    now: () => time,
    wait: (minMs, maxMs) => {
      time += random.integer(minMs, maxMs);
    },
    navigate(kind, url) {
      const id = navigations.length + 1;
      const isDocument = kind === 'document';
      navigations.push({
        id,
        kind,
        url,
        time,
        ...(isDocument ? { transitionType: random.pick(['link', 'link', 'link', 'typed']) } : {}),
        ...(isDocument ? { documentId: documentIdOf(id) } : {}),
      });
    },
    pageUrl: () => current()?.url ?? '',
    push(value) {
      seq += 1;
      time += random.integer(1, 40);
      pushes.push({
        ...place(),
        seq,
        time,
        pageUrl: current()?.url ?? '',
        dataLayerName: 'dataLayer',
        arrayIndex: pushes.length + 1,
        origin: 'live',
        push: value as SessionPush['push'],
      });
    },
    send(request) {
      seq += 1;
      time += random.integer(2, 120);
      hits.push(hitOf(request, seq, time, place(), current()?.url ?? '', random));
    },
    count: () => seq,
    finish: (records) => sessionOf(navigations, pushes, hits, records),
  };
}

function hitOf(
  request: OutgoingRequest,
  seq: number,
  time: number,
  place: { frameId: number; navigationId: number },
  pageUrl: string,
  random: SeededRandom,
): SessionHit {
  const method = request.body === undefined && request.transport === 'image' ? 'GET' : 'POST';
  const state = stateOf(request, random);
  const page: PageRequestView = {
    transport: request.transport,
    time,
    pageUrl,
    frameId: place.frameId,
    ...(request.body === undefined
      ? {}
      : { body: request.body, bodyKind: 'text', bodyLength: request.body.length }),
  };
  return {
    ...place,
    seq,
    time,
    url: request.url,
    method,
    state,
    ...(request.isNetworkOnly ? {} : { page }),
    ...(state === 'pending' ? {} : { network: networkOf(request, seq, time, place, state) }),
    summary: summariseHit(request.url, request.body, method),
  };
}

// Most hits are answered; an ad blocker cancels some vendor requests, and the tab's last
// beacons may still be waiting when the session is read.
function stateOf(request: OutgoingRequest, random: SeededRandom): HitState {
  if (request.isBlockable && random.chance(0.15)) return 'failed';
  return random.chance(0.004) ? 'pending' : 'completed';
}

function networkOf(
  request: OutgoingRequest,
  seq: number,
  time: number,
  place: { frameId: number; navigationId: number },
  state: HitState,
): NonNullable<SessionHit['network']> {
  const type = { beacon: 'ping', fetch: 'xmlhttprequest', xhr: 'xmlhttprequest', image: 'image' };
  return {
    requestId: String(90_000 + seq),
    type: type[request.transport],
    time: time + 1,
    frameId: place.frameId,
    documentId: documentIdOf(place.navigationId),
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(state === 'failed'
      ? { error: 'net::ERR_BLOCKED_BY_CLIENT' }
      : { statusCode: request.transport === 'image' ? 200 : 204, completedAt: time + 38 }),
  };
}

function documentIdOf(navigationId: number): string {
  return `D0C${navigationId.toString(16).toUpperCase().padStart(29, '0')}`;
}

function sessionOf(
  navigations: SessionNavigation[],
  pushes: SessionPush[],
  hits: SessionHit[],
  records: number,
): TabSession {
  const keptPushes = pushes.filter((push) => push.seq <= records);
  const keptHits = hits.filter((hit) => hit.seq <= records);
  // Navigation ids only grow with sequence numbers: the last record has the last one used.
  const lastNavigation = Math.max(
    keptPushes.at(-1)?.navigationId ?? 0,
    keptHits.at(-1)?.navigationId ?? 0,
  );
  const kept = navigations.filter((navigation) => navigation.id <= lastNavigation);
  return {
    tabId: TAB_ID,
    createdAt: START_TIME,
    seq: keptPushes.length + keptHits.length,
    navigations: kept,
    frames: [{ frameId: 0, url: kept.at(-1)?.url ?? '', hookStartedAt: START_TIME }],
    pushes: keptPushes,
    hits: keptHits,
    notices: [],
    dropped: { pushes: 0, hits: 0, notices: 0, invalid: 0 },
  };
}
