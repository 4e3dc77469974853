import { timingSafeEqual } from 'node:crypto';
import { eventDataToMirrorRow } from '../../shared/warehouse/event-data-to-mirror-row.js';
import type { MirrorContext, MirrorRow } from '../../shared/warehouse/mirror-row.js';
import { readMirrorRow } from '../../shared/warehouse/read-mirror-row.js';
import { SpoolFullError } from '../pipeline/spool-full-error.js';
import { reject } from './handle-collect.js';
import { readRequestBody } from './read-request-body.js';
import type { Collector, Exchange, Handled } from './request-context.js';
import { sendJson } from './responses.js';

/** Most rows one request may carry. */
const MAX_ROWS = 10_000;

interface Refusal {
  index: number;
  reason: string;
}

/**
 * POST /rows, the server mirror's HTTP mode: `Authorization: Bearer <token>` and a JSON body,
 * either mirror rows (`[row…]` or `{"rows": [row…]}`) or sGTM event data to map here
 * (`{"events": [eventData…]}`). Each row is checked on its own: the valid ones are stored, the
 * others listed in the answer with their index and reason (200 when any was stored, 400 when
 * none was).
 */
export async function handleRows(collector: Collector, exchange: Exchange): Promise<Handled> {
  const denied = checkToken(collector, exchange);
  if (denied !== undefined) {
    return denied;
  }
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
  const items = parseItems(reading.body);
  if (typeof items === 'string') {
    return reject(collector, exchange, 400, items, 'bad_json');
  }

  const context: MirrorContext = { source: 'server_mirror', receivedAt: exchange.receivedAt };
  if (collector.options.timeZone !== undefined) context.timeZone = collector.options.timeZone;
  const rows: MirrorRow[] = [];
  const refused: Refusal[] = [];
  items.values.forEach((value, index) => {
    const result = readItem(items.kind, value, context);
    if ('row' in result) rows.push(result.row);
    else refused.push({ index, reason: result.error });
  });
  if (refused.length > 0) {
    collector.metrics.increment(
      'tagwarden_events_rejected_total',
      { reason: 'invalid_row' },
      refused.length,
    );
  }
  if (rows.length === 0) {
    sendJson(
      exchange.response,
      400,
      { error: 'bad_request', reason: 'no valid row', stored: 0, rejected: refused },
      exchange.corsHeaders,
    );
    return { status: 400, rejected: refused.length, reason: 'no valid row' };
  }
  return storeRows(collector, exchange, rows, refused);
}

async function storeRows(
  collector: Collector,
  exchange: Exchange,
  rows: MirrorRow[],
  refused: Refusal[],
): Promise<Handled> {
  try {
    await collector.pipeline.accept(rows);
  } catch (error) {
    const reason =
      error instanceof SpoolFullError
        ? error.message
        : 'the spool could not be written; retry later';
    return reject(collector, exchange, 503, reason, 'spool_full', rows.length, {
      'Retry-After': '5',
    });
  }
  collector.metrics.increment(
    'tagwarden_events_received_total',
    { source: 'server_mirror' },
    rows.length,
  );
  sendJson(
    exchange.response,
    200,
    { stored: rows.length, rejected: refused },
    exchange.corsHeaders,
  );
  return { status: 200, stored: rows.length, rejected: refused.length };
}

function checkToken(collector: Collector, exchange: Exchange): Handled | undefined {
  const token = collector.options.token;
  if (token === undefined) {
    return reject(
      collector,
      exchange,
      403,
      'POST /rows is off: start tagwarden serve with --token',
      'rows_disabled',
    );
  }
  const header = exchange.request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return reject(
      collector,
      exchange,
      401,
      'missing or wrong bearer token (Authorization: Bearer <token>)',
      'bad_token',
      1,
      {
        'WWW-Authenticate': 'Bearer',
      },
    );
  }
  return undefined;
}

type Items = { kind: 'rows' | 'events'; values: unknown[] };

function parseItems(body: Buffer): Items | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return 'the body is not valid UTF-8 JSON';
  }
  const items = Array.isArray(parsed)
    ? { kind: 'rows' as const, values: parsed }
    : isObject(parsed) && Array.isArray(parsed.rows)
      ? { kind: 'rows' as const, values: parsed.rows as unknown[] }
      : isObject(parsed) && Array.isArray(parsed.events)
        ? { kind: 'events' as const, values: parsed.events as unknown[] }
        : undefined;
  if (items === undefined) {
    return 'expected a JSON array of rows, {"rows": [...]} or {"events": [...]}';
  }
  return items.values.length > MAX_ROWS ? `at most ${MAX_ROWS} rows per request` : items;
}

function readItem(
  kind: Items['kind'],
  value: unknown,
  context: MirrorContext,
): { row: MirrorRow } | { error: string } {
  if (kind === 'rows') {
    return readMirrorRow(value, context);
  }
  if (!isObject(value)) {
    return { error: 'event data must be a JSON object' };
  }
  const row = eventDataToMirrorRow(value, context);
  return row === null ? { error: 'event_name: required, and must be non-empty text' } : { row };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
