import type { SessionHit } from '../common/session-types.js';
import { JOIN_LOOKBACK, JOIN_WINDOW_MS } from './join-window.js';

export interface JoinCandidate {
  /** Which view is arriving: a hit that only has the other one can take it. */
  view: 'page' | 'network';
  url: string;
  frameId: number;
  /** The browser's id of the sending document (Chrome 106+), when the view has one. */
  documentId?: string;
  time: number;
  body?: string;
  /** The page's body is only the first part of what was sent. */
  isBodyPrefix?: boolean;
  /** The page handed over something other than the exact wire text (FormData, a stream). */
  isBodyIncomparable?: boolean;
}

/**
 * Finds the hit that the arriving view of a request belongs to: the oldest hit from the same
 * document (or frame) with the same URL that has only the other view, seen within
 * `JOIN_WINDOW_MS`, whose body agrees when both views have one. Undefined when the view
 * starts a new hit.
 */
export function findJoinableHit(
  hits: SessionHit[],
  candidate: JoinCandidate,
): SessionHit | undefined {
  let found: SessionHit | undefined;
  const start = Math.max(0, hits.length - JOIN_LOOKBACK);
  for (let index = hits.length - 1; index >= start; index -= 1) {
    const hit = hits[index] as SessionHit;
    if (hit.url !== candidate.url || !isSamePlace(hit, candidate)) continue;
    const other = candidate.view === 'page' ? hit.network : hit.page;
    const own = candidate.view === 'page' ? hit.page : hit.network;
    if (own !== undefined || other === undefined) continue;
    if (Math.abs(other.time - candidate.time) > JOIN_WINDOW_MS) continue;
    if (!bodiesAgree(hit, candidate)) continue;
    found = hit;
  }
  return found;
}

/**
 * The document, where both views name it: a beacon sent while its page is left reaches
 * `webRequest` after the page went into the back/forward cache, no longer the tab's main
 * frame, so Chrome reports another frame id for it (seen on the demo shop's unload beacons).
 */
function isSamePlace(hit: SessionHit, candidate: JoinCandidate): boolean {
  const documentId = candidate.view === 'page' ? hit.network?.documentId : hit.documentId;
  if (documentId !== undefined && candidate.documentId !== undefined)
    return documentId === candidate.documentId;
  return hit.frameId === candidate.frameId;
}

function bodiesAgree(hit: SessionHit, candidate: JoinCandidate): boolean {
  const page = candidate.view === 'page' ? candidate : pageSide(hit);
  const network = candidate.view === 'page' ? hit.network?.body : candidate.body;
  if (page.body === undefined || network === undefined || page.isBodyIncomparable) return true;
  return page.isBodyPrefix ? network.startsWith(page.body) : network === page.body;
}

function pageSide(
  hit: SessionHit,
): Pick<JoinCandidate, 'body' | 'isBodyPrefix' | 'isBodyIncomparable'> {
  const page = hit.page;
  if (page === undefined) return {};
  return {
    ...(page.body === undefined ? {} : { body: page.body }),
    isBodyPrefix: page.bodyTruncated === true,
    isBodyIncomparable: !isWireText(page.bodyKind),
  };
}

/** Body kinds whose recorded text is what goes on the wire. */
export function isWireText(kind: string | undefined): boolean {
  return (
    kind === undefined || kind === 'text' || kind === 'form' || kind === 'binary' || kind === 'blob'
  );
}
