import { readMirrorKeys } from '../../collector/http/read-mirror-keys.js';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { Ga4Event } from '../../shared/events/event-types.js';

/** One hit the web mirror sent: whole, or put back together from its split parts. */
export interface MirrorHit {
  /** The GA4 query as the collector hands it to the decoder. */
  query: string;
  source: string;
  templateVersion: string | undefined;
  /** How many requests carried it: 1, or the `n` of `tw_part=i/n`. */
  requests: number;
  events: Ga4Event[];
}

interface SplitMessage {
  count: number;
  path: string;
  source: string;
  templateVersion: string | undefined;
  slices: Map<number, string>;
}

/**
 * Reads recorded pixel URLs the way the collector does: its own `tw_*` keys come off with
 * `readMirrorKeys`, split parts are grouped by `tw_msg` and their `tw_data` slices joined in
 * part order, and each whole query is decoded with the shared decoder. Throws when a split
 * hit misses a part, so a test cannot pass on half an event.
 */
export function decodeMirrorHits(urls: readonly string[]): MirrorHit[] {
  const hits: MirrorHit[] = [];
  const messages = new Map<string, SplitMessage>();
  for (const url of urls) {
    const questionAt = url.indexOf('?');
    const path = url.slice(0, questionAt);
    const keys = readMirrorKeys(url.slice(questionAt + 1));
    if (keys.problem !== undefined) throw new Error(`${url}: ${keys.problem}`);
    if (keys.split === undefined) {
      hits.push(hitOf(path, keys.query, keys.source, keys.templateVersion, 1));
      continue;
    }
    const message = messages.get(keys.split.messageId) ?? {
      count: keys.split.count,
      path,
      source: keys.source,
      templateVersion: keys.templateVersion,
      slices: new Map<number, string>(),
    };
    message.slices.set(keys.split.index, keys.split.data);
    messages.set(keys.split.messageId, message);
  }
  for (const [id, message] of messages) {
    const order = [...Array(message.count).keys()].map((index) => index + 1);
    const missing = order.filter((index) => !message.slices.has(index));
    if (missing.length > 0) throw new Error(`split hit ${id} lacks parts ${missing.join(', ')}`);
    const query = order.map((index) => message.slices.get(index)).join('');
    hits.push(hitOf(message.path, query, message.source, message.templateVersion, message.count));
  }
  return hits;
}

function hitOf(
  path: string,
  query: string,
  source: string,
  templateVersion: string | undefined,
  requests: number,
): MirrorHit {
  const decoded = decodeRequest({ url: `${path}?${query}` });
  if (decoded.kind !== 'ga4') throw new Error(`${path}?${query} is not a GA4 hit`);
  return { query, source, templateVersion, requests, events: decoded.events };
}
