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
