import type { SessionUpdate } from '../common/background-api.js';
import type { NetworkRequestView, SessionHit, TabSession } from '../common/session-types.js';
import { findJoinableHit } from './find-joinable-hit.js';
import { findNavigationId } from './find-navigation-id.js';
import { hitState } from './hit-state.js';
import { summariseHit } from './summarise-hit.js';

export interface NetworkStart extends NetworkRequestView {
  url: string;
  method: string;
}

/**
 * Adds the network's view of an analytics request: it joins the hit the page world already
 * reported, or starts a hit of its own (a worker's request, one from another extension or from
 * markup). A request id seen before (a redirect) changes nothing.
 */
export function applyNetworkStart(
  session: TabSession,
  start: NetworkStart,
): SessionUpdate | undefined {
  if (findByRequestId(session, start.requestId) !== undefined) return undefined;
  const { url, method, ...view } = start;
  const joined = findJoinableHit(session.hits, {
    view: 'network',
    url,
    frameId: view.frameId,
    ...(view.documentId === undefined ? {} : { documentId: view.documentId }),
    time: view.time,
    ...(view.body === undefined ? {} : { body: view.body }),
  });
  if (joined !== undefined) {
    joined.network = view;
    joined.state = hitState(joined);
    if (joined.page?.body === undefined && view.body !== undefined) {
      joined.summary = summariseHit(url, view.body, method);
    }
    return { type: 'hit', tabId: session.tabId, hit: joined };
  }

  session.seq += 1;
  const hit: SessionHit = {
    seq: session.seq,
    frameId: view.frameId,
    ...(view.documentId === undefined ? {} : { documentId: view.documentId }),
    navigationId: findNavigationId(
      session.navigations,
      view.time,
      view.frameId === 0 && view.documentId !== undefined ? { documentId: view.documentId } : {},
    ),
    time: view.time,
    url,
    method,
    state: 'pending',
    network: view,
    summary: summariseHit(url, view.body, method),
  };
  session.hits.push(hit);
  return { type: 'hit', tabId: session.tabId, hit };
}

/** Sets the outcome of a request the session knows: a status, or the network error. */
export function applyNetworkOutcome(
  session: TabSession,
  requestId: string,
  outcome: Pick<NetworkRequestView, 'statusCode' | 'error' | 'fromCache' | 'completedAt'>,
): SessionUpdate | undefined {
  const hit = findByRequestId(session, requestId);
  if (hit?.network === undefined) return undefined;
  hit.network = { ...hit.network, ...outcome };
  hit.state = hitState(hit);
  return { type: 'hit', tabId: session.tabId, hit };
}

function findByRequestId(session: TabSession, requestId: string): SessionHit | undefined {
  for (let index = session.hits.length - 1; index >= 0; index -= 1) {
    const hit = session.hits[index] as SessionHit;
    if (hit.network?.requestId === requestId) return hit;
  }
  return undefined;
}
