import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { CollectorMetrics } from '../../collector/metrics/collector-metrics.js';
import type { BuiltSegment, RowShape } from '../../collector/pipeline/build-segment-rows.js';
import type { SpoolFile } from '../../collector/pipeline/list-spool-segments.js';
import { rawHitLine } from '../../collector/pipeline/raw-hit.js';
import { RowBuilder } from '../../collector/pipeline/row-builder.js';
import { SegmentLoader } from '../../collector/pipeline/segment-loader.js';
import type { Sink, SpoolSegment } from '../../collector/sinks/sink.js';
import { SHARED_BATCH_QUERY, batchBody } from './collector-harness.js';

const scratch = mkdtempSync(join(tmpdir(), 'tagwarden-loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds in the calling thread and counts the builds that have finished. */
class CountingBuilder extends RowBuilder {
  finished = 0;

  constructor() {
    super(false);
  }

  override async build(segment: string, rows: string, shape?: RowShape): Promise<BuiltSegment> {
    const built = await super.build(segment, rows, shape);
    this.finished += 1;
    return built;
  }
}

/** A sink that records what each write was given, and holds the first write until released. */
class RecordingSink implements Sink {
  readonly description = 'recording';
  readonly readsSparseRows = true;
  readonly writes: string[][] = [];
  releaseFirstWrite: () => void = () => undefined;
  private readonly firstWriteReleased = new Promise<void>((resolve) => {
    this.releaseFirstWrite = resolve;
  });

  async open(): Promise<void> {}

  writeSegment(segment: SpoolSegment): Promise<number> {
    return this.writeSegments([segment]);
  }

  async writeSegments(segments: readonly SpoolSegment[]): Promise<number> {
    this.writes.push(segments.map((segment) => segment.id));
    if (this.writes.length === 1) await this.firstWriteReleased;
    return segments.length;
  }

  async writeLines(lines: readonly string[]): Promise<number> {
    return lines.length;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

/** Three spool segments of one hit each, in a folder of their own. */
function spoolSegments(name: string): SpoolFile[] {
  const folder = join(scratch, name);
  mkdirSync(folder);
  return [1, 2, 3].map((index) => {
    const id = `seg-1700000000000-00000${index}`;
    const path = join(folder, `${id}.ndjson`);
    const hit = rawHitLine({
      method: 'POST',
      path: '/g/collect',
      query: SHARED_BATCH_QUERY,
      body: batchBody([`${name}-${index}-a`, `${name}-${index}-b`]),
      receivedAt: 1_700_000_000_000,
      source: 'collector',
      events: 2,
    });
    writeFileSync(path, `${hit}\n`);
    return { id, path, bytes: statSync(path).size };
  });
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !check(); tries++) {
    if (tries > 500) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the segment loader', () => {
  it('builds the next segments while the sink loads, then loads those that are ready in one write, and deletes every file', async () => {
    const segments = spoolSegments('merged');
    const sink = new RecordingSink();
    const builder = new CountingBuilder();
    const released: number[] = [];
    const loader = new SegmentLoader({
      sink,
      builder,
      metrics: new CollectorMetrics(),
      logger: pino({ level: 'silent' }),
      deadLetterPath: join(scratch, 'merged-dead-letter.ndjson'),
      onLoaded: (bytes) => released.push(bytes),
    });
    segments.forEach((segment) => loader.enqueue(segment));

    await waitFor(() => sink.writes.length === 1 && builder.finished === 3, 'the builds');
    sink.releaseFirstWrite();
    expect(await loader.drain(Date.now() + 10_000)).toBe(true);

    expect(sink.writes).toEqual([[segments[0]!.id], [segments[1]!.id, segments[2]!.id]]);
    expect(released).toEqual(segments.map((segment) => segment.bytes));
    expect(readdirSync(join(scratch, 'merged'))).toEqual([]);
  });

  it('gives a sink that takes one segment at a time one segment per write', async () => {
    const segments = spoolSegments('single');
    const recording = new RecordingSink();
    recording.releaseFirstWrite();
    const sink: Sink = {
      description: 'one at a time',
      open: () => recording.open(),
      writeSegment: (segment) => recording.writeSegment(segment),
      writeLines: (lines) => recording.writeLines(lines),
      ping: () => recording.ping(),
      close: () => recording.close(),
    };
    const loader = new SegmentLoader({
      sink,
      builder: new RowBuilder(false),
      metrics: new CollectorMetrics(),
      logger: pino({ level: 'silent' }),
      deadLetterPath: join(scratch, 'single-dead-letter.ndjson'),
      onLoaded: () => undefined,
    });
    segments.forEach((segment) => loader.enqueue(segment));
    expect(await loader.drain(Date.now() + 10_000)).toBe(true);

    expect(recording.writes).toEqual(segments.map((segment) => [segment.id]));
    expect(segments.every((segment) => !existsSync(segment.path))).toBe(true);
  });
});
