import { appendFile, open, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import { segmentLines, type Sink, type SpoolSegment } from '../sinks/sink.js';
import type { SpoolFile } from './list-spool-segments.js';
import type { RowBuilder } from './row-builder.js';

export interface LoaderOptions {
  sink: Sink;
  metrics: CollectorMetrics;
  logger: Logger;
  /** Turns a segment's hits into a rows file, off the thread that answers requests. */
  builder: RowBuilder;
  /** Where rows the warehouse refuses one by one, and hits that cannot be built, are kept. */
  deadLetterPath: string;
  /** Called once a segment is stored and its file deleted, with its size. */
  onLoaded: (bytes: number) => void;
}

/** A segment's rows file, what the sink loads. */
interface BuiltRows {
  segment: SpoolSegment;
  rows: number;
}

const FIRST_RETRY_MS = 200;
const LAST_RETRY_MS = 5000;

/**
 * Moves closed spool segments into the warehouse, oldest first, one at a time. Each segment's
 * hits are first decoded into a rows file beside it (once, kept across retries); that file is
 * what the sink loads, and both files are deleted only after the sink has committed it. While the warehouse is down, the segment is
 * retried with growing pauses (the spool keeps accepting up to its limit). When the warehouse
 * is up but refuses the batch, the batch is halved until the rows it refuses are found; those
 * go to the dead-letter file, the rest are stored.
 */
export class SegmentLoader {
  private readonly queue: SpoolFile[] = [];
  /** Rows files already built, by segment id, so a retry neither rebuilds nor dead-letters twice. */
  private readonly built = new Map<string, BuiltRows>();
  private running: Promise<void> | undefined;
  private retryMs = FIRST_RETRY_MS;
  private isStopping = false;
  private wake: (() => void) | undefined;
  isSinkUp = true;

  constructor(private readonly options: LoaderOptions) {}

  get waitingSegments(): number {
    return this.queue.length;
  }

  enqueue(segment: SpoolFile): void {
    this.queue.push(segment);
    this.options.metrics.setGauge('tagwarden_spool_segments', this.queue.length);
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    this.wake?.();
  }

  /** Waits until every queued segment is stored, or `deadline` (ms since the epoch) passes. */
  async drain(deadline: number): Promise<boolean> {
    while (this.queue.length > 0 && Date.now() < deadline) {
      this.wake?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.isStopping = true;
    this.wake?.();
    await this.running;
    return this.queue.length === 0;
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0 && !this.isStopping) {
      const segment = this.queue[0]!;
      const isStored = await this.load(segment);
      if (!isStored) {
        await this.pause();
        continue;
      }
      this.queue.shift();
      this.options.metrics.setGauge('tagwarden_spool_segments', this.queue.length);
      // The rows file goes first: a crash in between leaves the segment, which rebuilds it.
      const rows = this.built.get(segment.id);
      this.built.delete(segment.id);
      if (rows !== undefined) await unlink(rows.segment.path).catch(() => undefined);
      await unlink(segment.path).catch(() => undefined);
      this.options.onLoaded(segment.bytes);
    }
  }

  private async load(segment: SpoolFile): Promise<boolean> {
    if (segment.bytes === 0) {
      return true;
    }
    const built = await this.buildRows(segment);
    if (built === undefined) {
      return false;
    }
    if (built.rows === 0) {
      return true;
    }
    const rows = built.segment;
    const { sink, metrics, logger } = this.options;
    const started = performance.now();
    try {
      const stored = await sink.writeSegment(rows);
      metrics.observe('tagwarden_sink_write_seconds', (performance.now() - started) / 1000);
      metrics.increment('tagwarden_events_stored_total', {}, stored);
      this.markUp(true);
      return true;
    } catch (error) {
      metrics.increment('tagwarden_sink_write_errors_total');
      logger.warn({ err: error, segment: segment.id }, 'writing a spool segment failed');
      if (!(await this.isReachable())) {
        this.markUp(false);
        return false;
      }
      return this.loadRowByRow(rows);
    }
  }

  /** The segment's rows file, built on first use; undefined when building failed (retried). */
  private async buildRows(segment: SpoolFile): Promise<BuiltRows | undefined> {
    const known = this.built.get(segment.id);
    if (known !== undefined) {
      return known;
    }
    const rows = { id: segment.id, path: rowsPathOf(segment.path) };
    let count: number;
    try {
      const result = await this.options.builder.build(segment.path, rows.path);
      count = result.rows;
      if (result.deadLetters.length > 0) {
        this.options.logger.error(
          { segment: segment.id, hits: result.deadLetters.length },
          'hits whose events could not all be built; kept in the dead-letter file',
        );
        await this.deadLetter(result.deadLetters);
      }
    } catch (error) {
      this.options.logger.error({ err: error, segment: segment.id }, 'building rows failed');
      return undefined;
    }
    const built = { segment: rows, rows: count };
    this.built.set(segment.id, built);
    return built;
  }

  private async loadRowByRow(segment: SpoolSegment): Promise<boolean> {
    const lines = segmentLines(await readFile(segment.path, 'utf8'));
    const refused: string[] = [];
    const stored = await this.writeHalves(lines, segment.id, refused);
    if (stored === undefined) {
      return false;
    }
    this.options.metrics.increment('tagwarden_events_stored_total', {}, stored);
    if (refused.length > 0) {
      await this.deadLetter(refused);
    }
    return true;
  }

  /** Stores what the sink accepts; undefined when the sink went down meanwhile. */
  private async writeHalves(
    lines: string[],
    batchId: string,
    refused: string[],
  ): Promise<number | undefined> {
    try {
      return await this.options.sink.writeLines(lines, batchId);
    } catch (error) {
      if (!(await this.isReachable())) {
        return undefined;
      }
      if (lines.length === 1) {
        this.options.logger.error(
          { err: error },
          'the warehouse refused a row; kept in the dead-letter file',
        );
        refused.push(lines[0]!);
        return 0;
      }
    }
    const middle = Math.ceil(lines.length / 2);
    const first = await this.writeHalves(lines.slice(0, middle), `${batchId}-a`, refused);
    const second = await this.writeHalves(lines.slice(middle), `${batchId}-b`, refused);
    return first === undefined || second === undefined ? undefined : first + second;
  }

  private async deadLetter(lines: string[]): Promise<void> {
    await appendFile(this.options.deadLetterPath, lines.map((line) => `${line}\n`).join(''));
    const handle = await open(this.options.deadLetterPath, 'r');
    await handle.sync().finally(() => handle.close());
    this.options.metrics.increment('tagwarden_dead_letter_rows_total', {}, lines.length);
  }

  private async isReachable(): Promise<boolean> {
    try {
      await this.options.sink.ping();
      return true;
    } catch {
      return false;
    }
  }

  private markUp(isUp: boolean): void {
    if (isUp !== this.isSinkUp) {
      this.options.logger.warn(
        { sink: this.options.sink.description },
        isUp ? 'warehouse is back' : 'warehouse is down',
      );
    }
    this.isSinkUp = isUp;
    this.retryMs = isUp ? FIRST_RETRY_MS : this.retryMs;
    this.options.metrics.setGauge('tagwarden_sink_up', isUp ? 1 : 0);
  }

  private async pause(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.retryMs);
      this.wake = () => {
        if (this.isStopping) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    this.wake = undefined;
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}

/** `seg-….ndjson` → `rows-seg-….ndjson` beside it (a name the spool never replays). */
function rowsPathOf(segmentPath: string): string {
  return join(dirname(segmentPath), `rows-${basename(segmentPath)}`);
}
