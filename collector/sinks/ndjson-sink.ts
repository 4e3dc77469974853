import { mkdir, open, rename, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { segmentLines, type Sink, type SpoolSegment } from './sink.js';

/**
 * NDJSON files (`--ndjson DIR`): each spool segment becomes `events-<segment id>.ndjson`,
 * written to a temporary name, fsynced and renamed, so a file is either whole or absent and a
 * replayed segment rewrites the same file rather than adding a second copy. Rows are
 * deduplicated within a segment; across files, readers dedupe on `event_id` (see README).
 */
export class NdjsonSink implements Sink {
  constructor(private readonly directory: string) {}

  get description(): string {
    return `ndjson:${this.directory}`;
  }

  async open(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    await readdir(this.directory);
  }

  async writeSegment(segment: SpoolSegment): Promise<number> {
    return this.writeLines(segmentLines(await readFile(segment.path, 'utf8')), segment.id);
  }

  async writeLines(lines: readonly string[], batchId: string): Promise<number> {
    const unique = uniqueById(lines);
    const target = join(this.directory, `events-${batchId}.ndjson`);
    const temporary = `${target}.partial`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(unique.map((line) => `${line}\n`).join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    await syncDirectory(this.directory);
    return unique.length;
  }

  async ping(): Promise<void> {
    await readdir(this.directory);
  }

  async close(): Promise<void> {}
}

function uniqueById(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const id = /"event_id":"((?:[^"\\]|\\.)*)"/.exec(line)?.[1] ?? line;
    if (seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
}

/** Makes a rename durable: the directory entry is flushed too. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
