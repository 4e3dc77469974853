import type { SessionNavigation, TabSession } from '../common/session-types.js';
import { nextNavigationId } from './apply-page-records.js';
import { noteFrame } from './note-frame.js';

/** A `webNavigation` event, reduced to what the session keeps. */
export interface NavigationEvent {
  tabId: number;
  frameId: number;
  parentFrameId?: number;
  kind: 'document' | 'history' | 'fragment';
  url: string;
  time: number;
  transitionType?: string;
  transitionQualifiers?: string[];
  documentId?: string;
}

/**
 * Notes a committed navigation: every frame's new document goes into `frames`; the top
 * frame's navigations (new documents, reloads, SPA history changes, fragment changes) also
 * start a new entry in `navigations`, which later records are attributed to by time.
 * Returns the new navigation, if one was started.
 */
export function recordNavigation(
  session: TabSession,
  event: NavigationEvent,
): SessionNavigation | undefined {
  if (event.kind === 'document') {
    noteFrame(session, {
      frameId: event.frameId,
      url: event.url,
      ...(event.parentFrameId === undefined || event.parentFrameId < 0
        ? {}
        : { parentFrameId: event.parentFrameId }),
      ...(event.documentId === undefined ? {} : { documentId: event.documentId }),
    });
  }
  if (event.frameId !== 0) return undefined;
  const confirmed = confirmInferredNavigation(session, event);
  if (confirmed) return confirmed;

  const navigation: SessionNavigation = {
    id: nextNavigationId(session),
    kind: event.kind,
    url: event.url,
    time: event.time,
    ...(event.transitionType === undefined ? {} : { transitionType: event.transitionType }),
    ...(event.transitionQualifiers === undefined
      ? {}
      : { transitionQualifiers: event.transitionQualifiers }),
    ...(event.documentId === undefined ? {} : { documentId: event.documentId }),
  };
  session.navigations.push(navigation);
  return navigation;
}

/**
 * The navigation the page's own records stood in for, when `webNavigation` reports it after
 * all (the worker woke for the page's port before the navigation event reached it): the
 * report completes that entry instead of starting a second one for the same document.
 */
function confirmInferredNavigation(
  session: TabSession,
  event: NavigationEvent,
): SessionNavigation | undefined {
  const last = session.navigations[session.navigations.length - 1];
  if (last?.isInferred !== true || event.kind !== 'document' || last.url !== event.url) return;
  if (last.documentId !== undefined && event.documentId !== undefined) {
    if (last.documentId !== event.documentId) return;
  }
  delete last.isInferred;
  if (event.transitionType !== undefined) last.transitionType = event.transitionType;
  if (event.transitionQualifiers !== undefined)
    last.transitionQualifiers = event.transitionQualifiers;
  if (event.documentId !== undefined) last.documentId = event.documentId;
  return last;
}
