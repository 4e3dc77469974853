import type { Ga4Event } from '../events/event-types.js';
import type { EventUnderTest } from './event-under-test.js';
import { setEntry } from '../text/set-entry.js';

/**
 * The validator's view of a decoded GA4 event: params (plus `items` when there are any) as
 * properties, `page_location`/`page_referrer` as URLs, the user id, and a key naming the
 * request line (measurement id, page load `_p`, hit sequence `_s`, body line) so a request
 * captured twice is recognised.
 */
export function ga4EventToTestInput(event: Ga4Event): EventUnderTest {
  const properties = copyRecord(event.params);
  // The items as the decoder built them, in a list of their own: it writes each standard
  // field through a named store, so they are fast objects already (decode-item.ts), and
  // copying them again cost about 0.3 µs per event on the bundled captures.
  if (event.items.length > 0) setEntry(properties, 'items', event.items.slice());

  const input: EventUnderTest = { name: event.name, layer: 'ga4', properties };
  // Most events carry no user properties: asked before copying, not after.
  if (hasOwnKey(event.userProperties)) input.userProperties = copyRecord(event.userProperties);
  if (event.ids.userId !== undefined) input.userId = event.ids.userId;
  const urls = pageUrls(event);
  if (urls) input.urls = urls;
  const dedupeKey = requestKey(event);
  if (dedupeKey) input.dedupeKey = dedupeKey;
  return input;
}

function pageUrls(event: Ga4Event): Record<string, string> | undefined {
  const { location, referrer } = event.page;
  if (location === undefined && referrer === undefined) return undefined;
  const urls: Record<string, string> = {};
  if (location !== undefined) urls['page_location'] = location;
  if (referrer !== undefined) urls['page_referrer'] = referrer;
  return urls;
}

function requestKey(event: Ga4Event): string | undefined {
  const { measurementId, pageLoadId, hitSequence } = event.ids;
  if (pageLoadId === undefined && hitSequence === undefined) return undefined;
  return `${measurementId ?? ''}|${pageLoadId ?? ''}|${hitSequence ?? ''}|${event.lineIndex ?? ''}`;
}

// A spread, not key-by-key assignment: V8 turns an object built by about twenty computed-key
// assignments into a slow hash-table object, and every later read of it was several times
// slower. A spread copies the same own enumerable keys, keeps `__proto__` as plain data, and
// makes a fast object.
function copyRecord(record: Record<string, unknown>): Record<string, unknown> {
  return { ...record };
}

function hasOwnKey(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}
