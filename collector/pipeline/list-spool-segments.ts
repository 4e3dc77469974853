import { mkdir, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpoolSegment } from '../sinks/sink.js';

/** A segment on disk with its size, as the spool accounts for it. */
export interface SpoolFile extends SpoolSegment {
  bytes: number;
}

const SEGMENT_NAME = /^seg-\d{13}-\d{6}\.ndjson$/;

/**
 * The segments a previous run left in the spool directory, oldest first, each cut back to its
 * last complete line: a process killed mid-write can leave half a line, which was never
 * acknowledged (acknowledgement waits for the fsync of whole lines).
 */
export async function listSpoolSegments(directory: string): Promise<SpoolFile[]> {
  await mkdir(directory, { recursive: true });
  const names = (await readdir(directory)).filter((name) => SEGMENT_NAME.test(name)).sort();
  const segments: SpoolFile[] = [];
  for (const name of names) {
    const path = join(directory, name);
    const bytes = await cutToLastLine(path);
    segments.push({ id: name.replace(/\.ndjson$/, ''), path, bytes });
  }
  return segments;
}

/** True for the file names the spool writes. */
export function isSegmentName(name: string): boolean {
  return SEGMENT_NAME.test(name);
}

async function cutToLastLine(path: string): Promise<number> {
  const { size } = await stat(path);
  if (size === 0) {
    return 0;
  }
  const handle = await open(path, 'r+');
  try {
    const tailLength = Math.min(size, 1 << 20);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const lastNewline = tail.lastIndexOf(0x0a);
    const keep = lastNewline === -1 ? size - tailLength : size - tailLength + lastNewline + 1;
    if (keep < size) {
      await handle.truncate(keep);
      await handle.sync();
    }
    return keep;
  } finally {
    await handle.close();
  }
}
