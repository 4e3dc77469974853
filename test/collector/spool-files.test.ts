import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSpoolSegments } from '../../collector/pipeline/list-spool-segments.js';
import { WriteAheadSpool } from '../../collector/pipeline/write-ahead-spool.js';
import { SpoolFullError } from '../../collector/pipeline/spool-full-error.js';
import type { SpoolFile } from '../../collector/pipeline/list-spool-segments.js';

const directory = mkdtempSync(join(tmpdir(), 'tagwarden-spool-'));

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the write-ahead spool on disk', () => {
  it('cuts a segment left by a killed process back to its last whole line, oldest segment first', async () => {
    const folder = join(directory, 'leftovers');
    const older = join(folder, 'seg-1700000000000-000001.ndjson');
    const newer = join(folder, 'seg-1700000000001-000001.ndjson');
    await listSpoolSegments(folder);
    writeFileSync(newer, '{"event_id":"c"}\n{"event_id":"d"');
    writeFileSync(older, '{"event_id":"a"}\n{"event_id":"b"}\n');
    writeFileSync(join(folder, 'dead-letter.ndjson'), '{"event_id":"x"}\n');

    const segments = await listSpoolSegments(folder);
    expect(segments.map((segment) => segment.id)).toEqual([
      'seg-1700000000000-000001',
      'seg-1700000000001-000001',
    ]);
    expect(readFileSync(newer, 'utf8')).toBe('{"event_id":"c"}\n');
    expect(segments[1]?.bytes).toBe(17);
  });

  it('writes lines durably in one segment, closes it by row count, and refuses past its limit', async () => {
    const folder = join(directory, 'writes');
    await listSpoolSegments(folder);
    const closed: SpoolFile[] = [];
    const spool = new WriteAheadSpool(
      {
        directory: folder,
        maxSegmentBytes: 1 << 20,
        maxSegmentRows: 3,
        maxSegmentAgeMs: 60_000,
        limitBytes: 200,
      },
      (segment) => closed.push(segment),
    );
    await Promise.all([spool.append(['{"n":1}']), spool.append(['{"n":2}', '{"n":3}'])]);
    // The segment is closed right after the sync that filled it, once the appends are answered.
    for (let tries = 0; closed.length === 0 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(closed).toHaveLength(1);
    expect(readFileSync(closed[0]!.path, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');

    await expect(spool.append(['x'.repeat(300)])).rejects.toBeInstanceOf(SpoolFullError);
    await spool.append(['{"n":4}']);
    await spool.close();
    expect(closed).toHaveLength(2);
    expect(spool.bytes).toBe(32);
    spool.release(32);
    expect(spool.bytes).toBe(0);
  });

  it("counts a hit's events toward the rows that close a segment, not its one line", async () => {
    const folder = join(directory, 'events');
    await listSpoolSegments(folder);
    const closed: SpoolFile[] = [];
    const spool = new WriteAheadSpool(
      {
        directory: folder,
        maxSegmentBytes: 1 << 20,
        maxSegmentRows: 10,
        maxSegmentAgeMs: 60_000,
        limitBytes: 1 << 20,
      },
      (segment) => closed.push(segment),
    );
    await spool.append(['{"tw_hit":1,"events":6}'], 6);
    await spool.append(['{"tw_hit":1,"events":3}'], 3);
    expect(closed).toHaveLength(0);
    await spool.append(['{"tw_hit":1,"events":2}'], 2);
    for (let tries = 0; closed.length === 0 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(closed).toHaveLength(1);
    expect(readFileSync(closed[0]!.path, 'utf8').trimEnd().split('\n')).toHaveLength(3);
    await spool.close();
  });
});
