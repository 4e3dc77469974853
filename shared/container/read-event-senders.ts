import type { ContainerIndex } from './container-types.js';
import { inferEventNames, type EventNameReading } from './infer-event-names.js';
import type { EventSender } from './judge-required-parameters.js';
import { readGa4EventTags } from './read-ga4-event-tags.js';
import { readGoogleTags } from './read-google-tags.js';

/** A tag that sends GA4 events: a GA4 event tag, or a Google tag sending its page_view. */
export interface EventSenderView extends EventSender {
  kind: 'event-tag' | 'google-tag';
  eventName: string;
  reading: EventNameReading;
}

/** Every tag of a container that sends GA4 events, with the names it sends. */
export function readEventSenders(container: ContainerIndex): EventSenderView[] {
  const senders: EventSenderView[] = [];
  for (const googleTag of readGoogleTags(container)) {
    if (!googleTag.sendsPageView) continue;
    senders.push({
      kind: 'google-tag',
      tag: googleTag.tag,
      eventName: 'page_view',
      reading: { names: ['page_view'], patterns: [], isComplete: true },
      rows: googleTag.sharedParameters,
      settingsVariables: googleTag.settingsVariable ? [googleTag.settingsVariable] : [],
      sendsEcommerceData: false,
    });
  }
  for (const view of readGa4EventTags(container)) {
    const shared = view.googleTag;
    senders.push({
      kind: 'event-tag',
      tag: view.tag,
      eventName: view.eventName.raw,
      reading: inferEventNames(container, view.tag, view.eventName),
      rows: [...view.parameters, ...(shared?.sharedParameters ?? [])],
      settingsVariables: [view.settingsVariable, shared?.settingsVariable].filter(
        (reference): reference is string => reference !== undefined,
      ),
      sendsEcommerceData: view.sendsEcommerceData,
    });
  }
  return senders;
}
