import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRequest } from '../shared/beacons/decode-request.js';
import type { CapturedRequest } from '../shared/capture/captured-input.js';
import { readCapture } from '../shared/capture/read-capture.js';
import type { LoadOrder } from './collector-load.js';

/**
 * The collector bench's requests: every named GA4 event of the bundled captures (under
 * `root`/test/fixtures/captures) as one body line of its own keys, regrouped into batches of
 * `batch` lines, each batch behind the first hit's shared keys (`v`, `tid`, `cid`, client hints…).
 * There is one payload per line; payload n starts at line n, so consecutive payloads overlap.
 * Without `keepEventIds`, a site's own `ep.event_id` is left out: the collector stores an event
 * with that id once however often it comes, so a load that repeats the lines would see fewer
 * rows than events sent.
 */
export function buildCollectorPayloads(
  root: string,
  batch: number,
  { keepEventIds = true }: { keepEventIds?: boolean } = {},
): LoadOrder['payloads'] {
  const directory = join(root, 'test/fixtures/captures');
  const requests = readdirSync(directory)
    .filter((name) => /\.(har|ndjson|txt)$/.test(name))
    .flatMap((name) => readCapture(readFileSync(join(directory, name), 'utf8'), name).records)
    .filter((record): record is CapturedRequest => record.kind === 'request' && !record.isPasted);
  const lines: string[] = [];
  let sharedQuery = '';
  for (const request of requests) {
    const decoded = decodeRequest(request);
    if (decoded.kind !== 'ga4') continue;
    for (const event of decoded.events) {
      if (event.name === null) continue;
      const own = Object.entries(event.raw).filter(
        ([key]) =>
          /^(en|ep\.|epn\.|pr\d|cu$|_et$|dl$|dt$)/.test(key) &&
          (keepEventIds || key !== 'ep.event_id'),
      );
      lines.push(own.map(([key, value]) => `${key}=${value}`).join('&'));
      sharedQuery ||= Object.entries(event.raw)
        .filter(([key]) =>
          /^(v|tid|gtm|cid|sid|sct|seg|ul|sr|uaa|uab|uafvl|uamb|uap|uapv|gcd|npa|dma)$/.test(key),
        )
        .map(([key, value]) => `${key}=${value}`)
        .join('&');
    }
  }
  return lines.map((_, start) => {
    const body = Array.from(
      { length: batch },
      (__, offset) => lines[(start + offset) % lines.length],
    ).join('\r\n');
    return { query: sharedQuery, body, events: batch };
  });
}
