import type { WebNavigation } from 'webextension-polyfill';
import type { CaptureService } from './create-capture-service.js';
import type { NavigationEvent } from './record-navigation.js';

type CommitDetails = WebNavigation.OnCommittedDetailsType & {
  documentId?: string;
  parentFrameId?: number;
};

/**
 * Listens to `webNavigation` for new documents in every frame, and for the top frame's SPA
 * history changes (`pushState`, `replaceState`, back/forward within a document) and fragment
 * changes, which start new navigations in the session without a new document.
 */
export function registerNavigationListeners(
  webNavigation: WebNavigation.Static,
  capture: CaptureService,
): void {
  const forward = (kind: NavigationEvent['kind']) => (details: CommitDetails) => {
    if (details.tabId < 0) return;
    void capture.onNavigation({
      tabId: details.tabId,
      frameId: details.frameId,
      parentFrameId: details.parentFrameId,
      kind,
      url: details.url,
      time: details.timeStamp,
      transitionType: details.transitionType,
      transitionQualifiers: details.transitionQualifiers,
      ...(details.documentId === undefined ? {} : { documentId: details.documentId }),
    });
  };
  webNavigation.onCommitted.addListener(forward('document'));
  webNavigation.onHistoryStateUpdated.addListener(forward('history'));
  webNavigation.onReferenceFragmentUpdated.addListener(forward('fragment'));
}
