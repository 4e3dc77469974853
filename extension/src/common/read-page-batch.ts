import type {
  PageNoticeCode,
  PageRecord,
  PageRecordBase,
  BodyKind,
  RequestTransport,
} from './page-record.js';

/** The most JSON text one batch may carry; the hook keeps its batches well below it. */
export const MAX_BATCH_TEXT = 8_000_000;

const TRANSPORTS = new Set<RequestTransport>(['fetch', 'xhr', 'beacon', 'image']);
const BODY_KINDS = new Set<BodyKind>([
  'text',
  'form',
  'binary',
  'blob',
  'form-data',
  'stream',
  'other',
]);
const NOTICE_CODES = new Set<PageNoticeCode>([
  'hook-started',
  'bfcache-restored',
  'data-layer-found',
  'data-layer-unhookable',
  'records-dropped',
]);

export interface PageBatchReading {
  records: PageRecord[];
  /** Entries that were not well-formed records and were dropped. */
  rejected: number;
}

/** True for what the relay forwards as a batch: text no longer than `MAX_BATCH_TEXT`. */
export function isBatchText(detail: unknown): detail is string {
  return typeof detail === 'string' && detail.length <= MAX_BATCH_TEXT;
}

/**
 * Reads a batch of page records from the JSON text of a channel event, in the background.
 * The relay trusts the secret, not the content, and the background trusts neither: every
 * record is checked field by field and rebuilt with only the fields its kind has, so nothing
 * the page slipped in reaches a session. Never throws.
 */
export function readPageBatch(text: unknown): PageBatchReading {
  if (!isBatchText(text)) return { records: [], rejected: 1 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { records: [], rejected: 1 };
  }
  const entries =
    isRecordObject(parsed) && Array.isArray(parsed.records) ? parsed.records : undefined;
  if (entries === undefined) return { records: [], rejected: 1 };

  const records: PageRecord[] = [];
  for (const entry of entries) {
    const record = readPageRecord(entry);
    if (record !== undefined) records.push(record);
  }
  return { records, rejected: entries.length - records.length };
}

/** One record, rebuilt from known fields; undefined when it is not well formed. */
export function readPageRecord(entry: unknown): PageRecord | undefined {
  if (!isRecordObject(entry)) return undefined;
  const base = readBase(entry);
  if (base === undefined) return undefined;
  switch (entry.kind) {
    case 'push':
      return readPush(entry, base);
    case 'request':
      return readRequest(entry, base);
    case 'notice':
      return readNotice(entry, base);
    default:
      return undefined;
  }
}

function readBase(entry: Record<string, unknown>): PageRecordBase | undefined {
  const { seq, time, pageUrl } = entry;
  if (!isCount(seq) || typeof time !== 'number' || !Number.isFinite(time)) return undefined;
  if (typeof pageUrl !== 'string') return undefined;
  return { seq, time, pageUrl };
}

function readPush(entry: Record<string, unknown>, base: PageRecordBase): PageRecord | undefined {
  const { dataLayerName, arrayIndex, origin, threw } = entry;
  if (typeof dataLayerName !== 'string' || dataLayerName.length > 100) return undefined;
  if (!isCount(arrayIndex) || (origin !== 'live' && origin !== 'preexisting')) return undefined;
  if (!('push' in entry)) return undefined;
  return {
    kind: 'push',
    ...base,
    dataLayerName,
    arrayIndex,
    origin,
    push: entry.push as never,
    ...(typeof threw === 'string' ? { threw } : {}),
  };
}

function readRequest(entry: Record<string, unknown>, base: PageRecordBase): PageRecord | undefined {
  const { transport, method, url, body, bodyKind, bodyLength, bodyTruncated, queued, threw } =
    entry;
  if (!TRANSPORTS.has(transport as RequestTransport)) return undefined;
  if (typeof method !== 'string' || method.length > 20 || typeof url !== 'string') return undefined;
  return {
    kind: 'request',
    ...base,
    transport: transport as RequestTransport,
    method,
    url,
    ...(typeof body === 'string' ? { body } : {}),
    ...(BODY_KINDS.has(bodyKind as BodyKind) ? { bodyKind: bodyKind as BodyKind } : {}),
    ...(isCount(bodyLength) || bodyLength === 0 ? { bodyLength: bodyLength as number } : {}),
    ...(bodyTruncated === true ? { bodyTruncated } : {}),
    ...(typeof queued === 'boolean' ? { queued } : {}),
    ...(typeof threw === 'string' ? { threw } : {}),
  };
}

function readNotice(entry: Record<string, unknown>, base: PageRecordBase): PageRecord | undefined {
  const { code, dataLayerName, detail } = entry;
  if (!NOTICE_CODES.has(code as PageNoticeCode)) return undefined;
  return {
    kind: 'notice',
    ...base,
    code: code as PageNoticeCode,
    ...(typeof dataLayerName === 'string' ? { dataLayerName } : {}),
    ...(typeof detail === 'string' ? { detail: detail.slice(0, 1000) } : {}),
  };
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
