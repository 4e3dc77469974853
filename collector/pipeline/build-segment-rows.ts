import { readFileSync } from 'node:fs';
import { decodeCollectPayload } from '../../shared/ga4/decode-collect-hit.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import type { MirrorContext } from '../../shared/warehouse/mirror-row.js';
import { segmentLines } from '../sinks/sink.js';
import { LineFileWriter } from './line-file-writer.js';
import { RAW_HIT_PREFIX, readRawHit, type RawHit } from './raw-hit.js';
import { sparseRowJson } from './sparse-row-json.js';

/** How the rows file writes a row built from a hit: every field, or only the non-null ones. */
export type RowShape = 'full' | 'sparse';

/** What building a segment's rows gave: the rows file's row count, and what went wrong. */
export interface BuiltSegment {
  rows: number;
  /** Spool lines whose events could not all be built, each with `dead_letter_reason` added. */
  deadLetters: string[];
}

/**
 * Turns a spool segment into an NDJSON file of mirror rows at `rowsPath`, the file the
 * warehouse loads: each hit line is decoded and mapped to one row per named event (written in
 * `shape`: sparse for a warehouse that reads a missing field as null), and row lines (from
 * `/rows`) are copied as they are. A hit whose acknowledged events cannot all be built is
 * returned for the dead-letter file with its reason; its other rows are still written. The
 * file work is synchronous: this runs on the loader's own thread (see `RowBuilder`).
 */
export function buildSegmentRows(
  segmentPath: string,
  rowsPath: string,
  shape: RowShape = 'full',
): BuiltSegment {
  const lines = segmentLines(readFileSync(segmentPath, 'utf8'));
  const writer = new LineFileWriter(rowsPath);
  const deadLetters: string[] = [];
  let rows = 0;
  try {
    for (const line of lines) {
      const built = line.startsWith(RAW_HIT_PREFIX) ? buildHitRows(line, shape) : { rows: [line] };
      if (built.problem !== undefined) deadLetters.push(withReason(line, built.problem));
      for (const row of built.rows) {
        writer.write(row);
        rows += 1;
      }
    }
  } finally {
    writer.close();
  }
  return { rows, deadLetters };
}

/** The JSON rows of one hit line; `problem` says why acknowledged events are missing. */
export function buildHitRows(
  line: string,
  shape: RowShape = 'full',
): { rows: string[]; problem?: string } {
  const hit = readRawHit(line);
  if ('problem' in hit) {
    return { rows: [], problem: hit.problem };
  }
  const rows: string[] = [];
  const writeRow = shape === 'sparse' ? sparseRowJson : JSON.stringify;
  try {
    const context = hitContext(hit);
    const events = decodeCollectPayload(hit.query, hit.body, `collector${hit.path}`);
    for (const event of events) {
      const row = ga4EventToMirrorRow(event, context);
      if (row !== null) rows.push(writeRow(row));
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { rows: [], problem: `building the rows failed: ${message}` };
  }
  if (rows.length < hit.events) {
    const problem = `${hit.events} events were acknowledged but ${rows.length} rows were built`;
    return { rows, problem };
  }
  return { rows };
}

function hitContext(hit: RawHit): MirrorContext {
  return {
    source: hit.source,
    receivedAt: hit.receivedAt,
    ...(hit.templateVersion === undefined ? {} : { templateVersion: hit.templateVersion }),
    ...(hit.userAgent === undefined ? {} : { userAgent: hit.userAgent }),
    ...(hit.timeZone === undefined ? {} : { timeZone: hit.timeZone }),
  };
}

/** The spool line with its reason added, so the file says why and can still be replayed. */
function withReason(line: string, reason: string): string {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return JSON.stringify({ ...parsed, dead_letter_reason: reason });
    }
  } catch {
    // Not JSON: kept whole below.
  }
  return JSON.stringify({ dead_letter_reason: reason, line });
}
