/** One closed spool segment: an NDJSON file of mirror rows, named for its place in the spool. */
export interface SpoolSegment {
  /** Stable across restarts (the file name without extension): the batch's dedupe token. */
  id: string;
  path: string;
}

/**
 * Where mirror rows end up. Every write is one transaction (or one atomic file) and skips rows
 * whose `event_id` is already stored, so writing a segment again after a crash stores nothing
 * twice.
 */
export interface Sink {
  /** Says where rows go, for logs and `/readyz` (no credentials). */
  readonly description: string;
  /** Connects, and creates or migrates the table and the flattening views. */
  open(): Promise<void>;
  /**
   * True when the sink reads a row whose null fields are left out exactly as the full row (its
   * nested columns are typed), so the loader may write rows sparse: less text to write and parse.
   */
  readonly readsSparseRows?: boolean;
  /** Stores the rows of a spool segment; returns how many were new. */
  writeSegment(segment: SpoolSegment): Promise<number>;
  /**
   * Stores the rows of several segments in one transaction; returns how many were new. Sinks
   * whose dedupe token is the segment (ClickHouse, NDJSON files) leave it out and are given one
   * segment at a time.
   */
  writeSegments?(segments: readonly SpoolSegment[]): Promise<number>;
  /** Stores rows given as JSON lines (the fallback that isolates a row the engine refuses). */
  writeLines(lines: readonly string[], batchId: string): Promise<number>;
  /** Resolves when the store answers; rejects when it is down. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Reads a segment's rows as lines, skipping blank ones. */
export function segmentLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
