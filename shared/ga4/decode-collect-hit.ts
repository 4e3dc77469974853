import type { Ga4Event } from '../events/event-types.js';
import { splitUrl } from '../text/split-url.js';
import { applyCollectText } from './apply-collect-text.js';
import { copyEventDraft, createEventDraft } from './event-draft.js';
import { finishGa4Event } from './finish-ga4-event.js';
import { splitBodyLines } from './split-body-lines.js';

/**
 * Decodes a GA4 `/g/collect` request (GET or POST) into its events. The URL holds the
 * parameters the events share; each non-empty body line is one event whose own values win.
 * With no body lines the URL itself is the single event (protocol notes §2). The URL may be
 * absolute, relative (`/g/collect?…`) or a bare query string.
 *
 * `params` holds what the site sent as event parameters: `ep.`/`epn.` by name and type, plus
 * the ones gtag moves to short keys (`cu` → `currency`, `pi`, `pn`, `lo`). Hit-level fields go
 * to their groups, not to `params`: `dl`/`dt`/`dr` to `page`, `_et` to
 * `session.engagementTimeMs`. Every key lands in exactly one group or in `unknown`, and in
 * `raw` with its encoded text. Never throws: anything malformed becomes a warning on the event
 * it belongs to (`DecodeWarningCode` lists them).
 */
export function decodeCollectHit(url: string, body?: string): Ga4Event[] {
  const parts = splitUrl(url);
  return decodeCollectPayload(parts.query, body, parts.authority + parts.path);
}

/**
 * The same, for a query string already cut from its URL; `endpoint` is recorded on every
 * event. Used when the request reached its endpoint in another shape (a base64 loader).
 */
export function decodeCollectPayload(
  query: string,
  body: string | undefined,
  endpoint: string,
): Ga4Event[] {
  const shared = createEventDraft(endpoint, 0);
  applyCollectText(shared, query);
  const lines = body === undefined || body === '' ? [] : splitBodyLines(body);
  if (lines.length === 0) {
    return [finishGa4Event(shared)];
  }

  // The URL is decoded once and its state copied for each line: a batch of n events no longer
  // splits and decodes the shared URL n times. The last line takes the original.
  const lastIndex = lines.length - 1;
  return lines.map((line, index) => {
    const draft = index === lastIndex ? shared : copyEventDraft(shared);
    draft.event.lineIndex = index;
    applyCollectText(draft, line);
    return finishGa4Event(draft);
  });
}
