import type { RawHit } from '../pipeline/raw-hit.js';
import { SpoolFullError } from '../pipeline/spool-full-error.js';
import { countHitEvents } from './count-hit-events.js';
import { decodeBodyLines } from './decode-body-lines.js';
import { readMirrorKeys, type MirrorKeys } from './read-mirror-keys.js';
import { readRequestBody } from './read-request-body.js';
import type { Collector, Exchange, Handled } from './request-context.js';
import { sendError, sendStored } from './responses.js';

/**
 * A GA4-protocol hit (GET or POST, one event or a batch) from gtag pointed at the collector, or
 * from the web mirror template. The hit is checked and its events counted here (`v`, `tid`,
 * `en` only), then spooled as received and made durable before the answer: 200 with a pixel
 * for GET, 204 for POST. Decoding and row building happen later, in the loader. Events that
 * cannot be stored (no name, invalid bytes) are counted and named in `X-Tagwarden-Rejected`;
 * the others of the batch are stored.
 */
export async function handleCollect(collector: Collector, exchange: Exchange): Promise<Handled> {
  const keys = readMirrorKeys(exchange.query);
  if (keys.problem !== undefined) {
    return reject(collector, exchange, 400, keys.problem, 'bad_mirror_keys');
  }
  let body: string | undefined;
  let badLines = 0;
  if (exchange.method === 'POST') {
    const reading = await readRequestBody(exchange.request, collector.options.maxBodyBytes);
    if (!('body' in reading)) {
      return reject(
        collector,
        exchange,
        reading.status,
        reading.reason,
        reading.status === 413 ? 'body_too_large' : 'bad_body',
      );
    }
    const lines = decodeBodyLines(reading.body);
    body = lines.text === '' ? undefined : lines.text;
    badLines = lines.badLines;
  }
  if (keys.split !== undefined) {
    return handleSplitPart(collector, exchange, keys, body);
  }
  return storeHit(collector, exchange, keys, keys.query, body, badLines);
}

async function handleSplitPart(
  collector: Collector,
  exchange: Exchange,
  keys: MirrorKeys,
  body: string | undefined,
): Promise<Handled> {
  if (body !== undefined || keys.split === undefined) {
    return reject(
      collector,
      exchange,
      400,
      'a split hit carries its data only in tw_data',
      'bad_split',
    );
  }
  const added = collector.assembler.add(keys.split);
  collector.metrics.setGauge(
    'tagwarden_split_messages_pending',
    collector.assembler.pendingMessages,
  );
  const result = 'status' in added ? { kind: 'settled' as const, outcome: added } : await added;
  if (result.kind === 'settled') {
    const { status, reason } = result.outcome;
    if (status < 300) {
      sendStored(exchange.response, exchange.method, exchange.corsHeaders);
      return { status: exchange.method === 'GET' ? 200 : 204 };
    }
    return reject(
      collector,
      exchange,
      status,
      reason ?? 'the split hit was not stored',
      'bad_split',
    );
  }
  const handled = await storeHit(collector, exchange, keys, result.query, undefined, 0);
  result.settle({
    status: handled.status,
    ...(handled.reason === undefined ? {} : { reason: handled.reason }),
  });
  return handled;
}

async function storeHit(
  collector: Collector,
  exchange: Exchange,
  keys: MirrorKeys,
  query: string,
  body: string | undefined,
  badLines: number,
): Promise<Handled> {
  const counted = countHitEvents(query, body);
  if (counted.isUniversal) {
    return reject(
      collector,
      exchange,
      400,
      'v=1 is Universal Analytics; this endpoint takes GA4 (v=2)',
      'universal_analytics',
    );
  }
  if (!counted.hasMeasurementId) {
    return reject(
      collector,
      exchange,
      400,
      'the hit has no measurement ID (tid=G-…)',
      'missing_measurement_id',
    );
  }
  const rejected = counted.unnamed + badLines;
  count(collector, 'missing_event_name', counted.unnamed);
  count(collector, 'bad_encoding', badLines);
  if (counted.named === 0) {
    return reject(
      collector,
      exchange,
      400,
      'no event in the hit has a name (en=…)',
      'no_events',
      rejected,
    );
  }
  const hit = rawHit(collector, exchange, keys, query, body, counted.named);
  return persist(collector, exchange, hit, rejected, keys.source);
}

/** Makes a hit durable, then answers; a full spool is a 503 the sender should retry. */
async function persist(
  collector: Collector,
  exchange: Exchange,
  hit: RawHit,
  rejected: number,
  source: string,
): Promise<Handled> {
  try {
    await collector.pipeline.acceptHit(hit);
  } catch (error) {
    const isFull = error instanceof SpoolFullError;
    const reason = isFull ? error.message : 'the spool could not be written; retry later';
    if (!isFull) collector.logger.error({ err: error }, 'spool write failed');
    return reject(
      collector,
      exchange,
      503,
      reason,
      isFull ? 'spool_full' : 'spool_error',
      hit.events,
      {
        'Retry-After': '5',
      },
    );
  }
  collector.metrics.increment('tagwarden_events_received_total', { source }, hit.events);
  const headers: Record<string, string> = {
    ...exchange.corsHeaders,
    'X-Tagwarden-Stored': String(hit.events),
  };
  if (rejected > 0) headers['X-Tagwarden-Rejected'] = String(rejected);
  sendStored(exchange.response, exchange.method, headers);
  return { status: exchange.method === 'GET' ? 200 : 204, stored: hit.events, rejected };
}

function rawHit(
  collector: Collector,
  exchange: Exchange,
  keys: MirrorKeys,
  query: string,
  body: string | undefined,
  events: number,
): RawHit {
  const userAgent = exchange.request.headers['user-agent'];
  return {
    method: exchange.method,
    path: exchange.path,
    query,
    ...(body === undefined ? {} : { body }),
    receivedAt: exchange.receivedAt,
    source: keys.source,
    ...(keys.templateVersion === undefined ? {} : { templateVersion: keys.templateVersion }),
    ...(typeof userAgent === 'string' ? { userAgent } : {}),
    ...(collector.options.timeZone === undefined ? {} : { timeZone: collector.options.timeZone }),
    events,
  };
}

function count(collector: Collector, reason: string, amount: number): void {
  if (amount > 0)
    collector.metrics.increment('tagwarden_events_rejected_total', { reason }, amount);
}

/** Answers an error with its reason and counts it. */
export function reject(
  collector: Collector,
  exchange: Exchange,
  status: number,
  reason: string,
  label: string,
  rejected = 1,
  headers: Record<string, string> = {},
): Handled {
  collector.metrics.increment(
    'tagwarden_events_rejected_total',
    { reason: label },
    Math.max(rejected, 1),
  );
  sendError(exchange.response, status, reason, { ...exchange.corsHeaders, ...headers });
  return { status, rejected, reason };
}
