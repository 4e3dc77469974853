import type { SessionHit, SessionPush, TabSession } from '../common/session-types.js';

/** The records of a session that are stored in chunks of their own, not in its head. */
export type ChunkedKind = 'pushes' | 'hits';

type RecordOf<Kind extends ChunkedKind> = Kind extends 'pushes' ? SessionPush : SessionHit;

/** Records per stored chunk: 64 pushes of 2 KB make about 130 KB, 64 GA4 hits 60–200 KB. */
export const RECORD_CHUNK_SIZE = 64;

/**
 * What storage holds of one tab's chunked records: for the session object written, the keys
 * of its chunks and how far (counted from the session's first record of the kind ever,
 * dropped ones included) each chunk was written.
 */
export interface StoredChunks {
  session: TabSession;
  keys: Set<string>;
  ends: Map<string, number>;
}

/** Where the head of a session stores the range of one kind of its records. */
export interface RecordRange {
  createdAt: number;
  size: number;
  start: number;
  end: number;
}

/** The head's range for one kind, and the records of the chunks written (when asked). */
interface ChunkWrite<Record> {
  range: RecordRange;
  written: Record[];
}

/**
 * Adds to `items` the chunks of `kind` that `stored` lacks: those that grew, and, for an
 * already written chunk, those holding a record `isChanged` names (hits change after they
 * arrive; pushes never do). Chunks are numbered from the session's first record ever, so the
 * ring buffer's drops never renumber them. Returns the head's range for the kind and, when
 * `isChanged` is given, the records of every chunk written, whose changes the write carries.
 */
export function planChunks<Kind extends ChunkedKind>(
  kind: Kind,
  session: TabSession,
  stored: StoredChunks | undefined,
  next: StoredChunks,
  items: Record<string, string>,
  isChanged?: (record: RecordOf<Kind>) => boolean,
): ChunkWrite<RecordOf<Kind>> {
  const records = session[kind] as Array<RecordOf<Kind>>;
  const start = session.dropped[kind];
  const end = start + records.length;
  const isSameSession = stored?.session === session;
  const written: Array<RecordOf<Kind>> = [];
  for (let index = firstChunk(start); index <= lastChunk(end); index += 1) {
    const key = chunkKey(kind, session.tabId, session.createdAt, index);
    const from = Math.max(start, index * RECORD_CHUNK_SIZE);
    const to = Math.min(end, (index + 1) * RECORD_CHUNK_SIZE);
    const writtenTo = isSameSession ? (stored.ends.get(key) ?? -1) : -1;
    next.keys.add(key);
    next.ends.set(key, Math.max(writtenTo, to));
    const isStored = writtenTo >= to && !hasChanged(records, from - start, to - start, isChanged);
    if (isStored) continue;
    // Cut out only to be written: most chunks of a long session are stored and unchanged.
    const chunk = records.slice(from - start, to - start);
    if (isChanged !== undefined) written.push(...chunk);
    items[key] = JSON.stringify({ from, [kind]: chunk });
  }
  return { range: { createdAt: session.createdAt, size: RECORD_CHUNK_SIZE, start, end }, written };
}

function hasChanged<Record>(
  records: readonly Record[],
  from: number,
  to: number,
  isChanged: ((record: Record) => boolean) | undefined,
): boolean {
  if (isChanged === undefined) return false;
  for (let index = from; index < to; index += 1) {
    if (isChanged(records[index] as Record)) return true;
  }
  return false;
}

/**
 * Puts a head's chunked records of `kind` back from `items`, into `stored`; false when a chunk
 * is missing or malformed (the records that could be read are kept).
 */
export function joinChunks(
  kind: ChunkedKind,
  head: TabSession,
  range: RecordRange,
  items: Record<string, unknown>,
  stored: StoredChunks,
): boolean {
  const records: unknown[] = [];
  for (let index = firstChunk(range.start); index <= lastChunk(range.end); index += 1) {
    const key = chunkKey(kind, head.tabId, range.createdAt, index);
    const chunk = readChunk(kind, items[key]);
    if (chunk === undefined) continue;
    const skip = Math.max(0, range.start - chunk.from);
    records.push(...chunk.records.slice(skip, range.end - chunk.from));
    stored.keys.add(key);
    stored.ends.set(key, chunk.from + chunk.records.length);
  }
  (head as unknown as Record<ChunkedKind, unknown[]>)[kind] = records;
  return records.length === range.end - range.start;
}

/** The range a head gives for `kind`, or undefined when it has none or a malformed one. */
export function readRecordRange(range: Partial<RecordRange> | undefined): RecordRange | undefined {
  const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
  if (range?.size !== RECORD_CHUNK_SIZE || typeof range.createdAt !== 'number') return undefined;
  if (!isCount(range.start) || !isCount(range.end) || (range.end ?? 0) < (range.start ?? 0))
    return undefined;
  return range as RecordRange;
}

/** Whether a storage key names a chunk of some session's records. */
export function isChunkKey(key: string): boolean {
  return key.includes(':pushes:') || key.includes(':hits:');
}

function chunkKey(kind: ChunkedKind, tabId: number, createdAt: number, index: number): string {
  return `tab:${tabId}:${kind}:${createdAt}:${index}`;
}

function firstChunk(start: number): number {
  return Math.floor(start / RECORD_CHUNK_SIZE);
}

/** The last chunk holding a record before `end`; below the first chunk when there is none. */
function lastChunk(end: number): number {
  return Math.floor((end - 1) / RECORD_CHUNK_SIZE);
}

function readChunk(
  kind: ChunkedKind,
  value: unknown,
): { from: number; records: unknown[] } | undefined {
  let chunk: unknown = value;
  if (typeof value === 'string') {
    try {
      chunk = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = chunk as { from?: unknown } & Partial<Record<ChunkedKind, unknown>>;
  const records = parsed?.[kind];
  if (!Number.isInteger(parsed?.from) || !Array.isArray(records)) return undefined;
  return { from: parsed.from as number, records };
}
