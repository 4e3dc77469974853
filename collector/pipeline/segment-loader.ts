import { appendFile, open, readFile, unlink } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import { segmentLines, type Sink } from '../sinks/sink.js';
import type { SpoolFile } from './list-spool-segments.js';

export interface LoaderOptions {
  sink: Sink;
  metrics: CollectorMetrics;
  logger: Logger;
  /** Where rows the warehouse refuses one by one are kept, never dropped. */
  deadLetterPath: string;
  /** Called once a segment is stored and its file deleted, with its size. */
  onLoaded: (bytes: number) => void;
}

const FIRST_RETRY_MS = 200;
const LAST_RETRY_MS = 5000;

/**
 * Moves closed spool segments into the warehouse, oldest first, one at a time. A segment's file
 * is deleted only after the sink has committed it. While the warehouse is down, the segment is
 * retried with growing pauses (the spool keeps accepting up to its limit). When the warehouse
 * is up but refuses the batch, the batch is halved until the rows it refuses are found; those
 * go to the dead-letter file, the rest are stored.
 */
export class SegmentLoader {
  private readonly queue: SpoolFile[] = [];
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
      await unlink(segment.path).catch(() => undefined);
      this.options.onLoaded(segment.bytes);
    }
  }

  private async load(segment: SpoolFile): Promise<boolean> {
    const { sink, metrics, logger } = this.options;
    const started = performance.now();
    try {
      const stored = segment.bytes === 0 ? 0 : await sink.writeSegment(segment);
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
      return this.loadRowByRow(segment);
    }
  }

  private async loadRowByRow(segment: SpoolFile): Promise<boolean> {
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
