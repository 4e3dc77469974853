import type { Ga4Event } from '../events/event-types.js';
import { addWarning } from './add-warning.js';
import { attachRawRecord } from './attach-raw-record.js';
import { decodeConsentSignals } from './decode-consent-signals.js';
import { decodeRepeatedItem } from './decode-repeated-item.js';
import type { EventDraft } from './event-draft.js';

/**
 * Completes an event once every pair of its URL and body line is applied: decodes the items
 * that were kept raw, reads the consent signals, reports a missing event name, and attaches
 * `raw`.
 */
export function finishGa4Event(draft: EventDraft): Ga4Event {
  const event = draft.event;
  // Most events carry no items; their draft's empty list is kept as it is.
  if (draft.pendingItems.length > 0) {
    const pendingItems = draft.pendingItems.sort((left, right) => left.number - right.number);
    event.items = pendingItems.map((item) =>
      decodeRepeatedItem(item.number, item.rawValue, item.key, event.warnings),
    );
  }
  decodeConsentSignals(event.consent, event.warnings);
  if (event.name === null) {
    addWarning(event.warnings, 'missing_event_name', 'the request carries no event name (en)');
  }
  return attachRawRecord(event, draft.rawTexts);
}
