import type { PageRecord } from '../common/page-record.js';
import { appendTo, intrinsics } from './page-intrinsics.js';

/** One record's JSON past this is replaced by a summary of itself (a megabyte push). */
export const MAX_RECORD_CHARS = 1_000_000;
/** Records are sent in events of at most about this many characters of JSON. */
export const MAX_BATCH_CHARS = 4_000_000;

/**
 * Turns records into the JSON texts of `{"records": […]}` batches, each below
 * `MAX_BATCH_CHARS`. A record too large to send keeps its place and its fields, with the
 * oversized value (the push, the body) replaced by an `$unclonable` size marker.
 */
export function fitRecordsIntoBatches(records: PageRecord[], extra?: PageRecord): string[] {
  const texts: string[] = [];
  for (let index = 0; index < records.length; index += 1) {
    appendTo(texts, recordText(records[index] as PageRecord));
  }
  if (extra !== undefined) appendTo(texts, recordText(extra));

  const batches: string[] = [];
  let current = '';
  for (let index = 0; index < texts.length; index += 1) {
    const text = texts[index] as string;
    if (current !== '' && current.length + text.length > MAX_BATCH_CHARS) {
      appendTo(batches, `{"records":[${current}]}`);
      current = '';
    }
    current = current === '' ? text : `${current},${text}`;
  }
  if (current !== '') appendTo(batches, `{"records":[${current}]}`);
  return batches;
}

function recordText(record: PageRecord): string {
  const text = stringify(record);
  if (text !== undefined && text.length <= MAX_RECORD_CHARS) return text;

  const size = text === undefined ? 'unserialisable' : `${text.length} characters`;
  const marker = { $unclonable: `size limit: ${size}` };
  const summary: PageRecord =
    record.kind === 'push'
      ? { ...record, push: marker }
      : record.kind === 'request'
        ? { ...record, body: '', bodyTruncated: true }
        : { ...record, detail: size };
  return stringify(summary) ?? '{}';
}

function stringify(value: unknown): string | undefined {
  try {
    return intrinsics.stringify(value) as string | undefined;
  } catch {
    return undefined;
  }
}
