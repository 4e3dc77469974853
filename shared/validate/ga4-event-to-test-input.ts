import type { Ga4Event } from '../events/event-types.js';
import type { EventUnderTest } from './event-under-test.js';
import { setOwn } from './set-own.js';

/**
 * The validator's view of a decoded GA4 event: params (plus `items` when there are any) as
 * properties, `page_location`/`page_referrer` as URLs, the user id, and a key naming the
 * request line (measurement id, page load `_p`, hit sequence `_s`, body line) so a request
 * captured twice is recognised.
 */
export function ga4EventToTestInput(event: Ga4Event): EventUnderTest {
  const properties: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(event.params)) setOwn(properties, name, value);
  addCurrency(properties, event.raw);
  if (event.items.length > 0) setOwn(properties, 'items', event.items.map(copyRecord));

  const input: EventUnderTest = { name: event.name, layer: 'ga4', properties };
  const userProperties = copyRecord(event.userProperties);
  if (Object.keys(userProperties).length > 0) input.userProperties = userProperties;
  if (event.ids.userId !== undefined) input.userId = event.ids.userId;
  const urls = pageUrls(event);
  if (urls) input.urls = urls;
  const dedupeKey = requestKey(event);
  if (dedupeKey) input.dedupeKey = dedupeKey;
  return input;
}

// `currency` travels as the top-level `cu`, not as `ep.currency` (ga4-protocol.md §3.4, corpus
// A6, A28). A decoder that keeps it only in `raw` would make every ecommerce event look
// incomplete, so it is restored here when params lack it.
function addCurrency(properties: Record<string, unknown>, raw: Record<string, string>): void {
  if (Object.hasOwn(properties, 'currency') || !Object.hasOwn(raw, 'cu')) return;
  const encoded = raw['cu'] ?? '';
  try {
    properties['currency'] = decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    properties['currency'] = encoded;
  }
}

function pageUrls(event: Ga4Event): Record<string, string> | undefined {
  const urls: Record<string, string> = {};
  if (event.page.location !== undefined) urls['page_location'] = event.page.location;
  if (event.page.referrer !== undefined) urls['page_referrer'] = event.page.referrer;
  return Object.keys(urls).length > 0 ? urls : undefined;
}

function requestKey(event: Ga4Event): string | undefined {
  const { measurementId, pageLoadId, hitSequence } = event.ids;
  if (pageLoadId === undefined && hitSequence === undefined) return undefined;
  return [measurementId ?? '', pageLoadId ?? '', hitSequence ?? '', event.lineIndex].join('|');
}

function copyRecord(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) setOwn(copy, name, value);
  return copy;
}
