import { appendFile, open, readFile, unlink } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import { segmentLines, type Sink, type SpoolSegment } from '../sinks/sink.js';
import type { SpoolFile } from './list-spool-segments.js';
import type { RowBuilder } from './row-builder.js';
import { RowsFileBuilds } from './rows-file-builds.js';

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

const FIRST_RETRY_MS = 200;
const LAST_RETRY_MS = 5000;

/**
 * Segments whose rows are built ahead while the sink loads the ones before them. Building and
 * loading overlap even on 2 cores: in interleaved bench runs, making them take turns (so that
 * loading held one core at most) answered 43 % of the bare server instead of 41 % on a quiet
 * machine but loaded 21,700 events/s instead of 30,900, and the spool would fill sooner.
 */
const BUILD_AHEAD = 3;

// One load takes the built segments at the head of the queue up to this many rows, when the
// sink can take several at once: each load has a fixed cost (a scan of the stored ids, a
// commit), and DuckDB loaded the bench's rows for about 16 µs of CPU a row in loads of 100,000
// against 21 in loads of 20,000 (checkpoints included). A load holds its batch in memory, about
// 2.5 kB a row, which is what bounds it.
const MAX_ROWS_PER_LOAD = 60_000;

/**
 * Moves closed spool segments into the warehouse, oldest first. Each segment's hits are first
 * decoded into a rows file beside it, a few segments ahead of the sink, on the builder's thread;
 * the sink loads the rows files of the segments at the head of the queue, several in one
 * transaction when it can, and both files are deleted only after the sink has committed them.
 * While the warehouse is down, the load is retried with growing pauses (the spool keeps
 * accepting up to its limit). When the warehouse is up but refuses a load, each segment's batch
 * is halved until the rows it refuses are found; those go to the dead-letter file, the rest are
 * stored.
 */
export class SegmentLoader {
  private readonly queue: SpoolFile[] = [];
  private readonly builds: RowsFileBuilds;
  /** Segments at the head of the queue that the sink is loading. */
  private loading = 0;
  private running: Promise<void> | undefined;
  private retryMs = FIRST_RETRY_MS;
  private isStopping = false;
  private wake: (() => void) | undefined;
  isSinkUp = true;

  constructor(private readonly options: LoaderOptions) {
    this.builds = new RowsFileBuilds({
      builder: options.builder,
      shape: options.sink.readsSparseRows === true ? 'sparse' : 'full',
      logger: options.logger,
      deadLetter: (lines) => this.deadLetter(lines),
    });
  }

  get waitingSegments(): number {
    return this.queue.length;
  }

  enqueue(segment: SpoolFile): void {
    this.queue.push(segment);
    this.options.metrics.setGauge('tagwarden_spool_segments', this.queue.length);
    this.buildAhead();
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
    this.builds.close();
    this.wake?.();
    await this.running;
    return this.queue.length === 0;
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0 && !this.isStopping) {
      const group = await this.nextGroup();
      this.loading = group?.length ?? 0;
      this.buildAhead();
      const isStored = group !== undefined && (await this.store(group));
      this.loading = 0;
      if (!isStored) {
        await this.pause();
        continue;
      }
      for (const segment of group) {
        await this.remove(segment);
      }
    }
  }

  /** Has the segments after those being loaded built, up to `BUILD_AHEAD` of them. */
  private buildAhead(): void {
    for (const segment of this.queue.slice(0, this.loading + 1 + BUILD_AHEAD)) {
      void this.builds.prepare(segment);
    }
  }

  /** The head segment and the built ones after it, up to a load's rows; undefined if unbuilt. */
  private async nextGroup(): Promise<SpoolFile[] | undefined> {
    this.buildAhead();
    const head = this.queue[0]!;
    if (!(await this.builds.prepare(head))) {
      return undefined;
    }
    const group = [head];
    let rows = this.builds.get(head)?.rows ?? 0;
    const canMerge = this.options.sink.writeSegments !== undefined;
    for (const segment of canMerge ? this.queue.slice(1, 1 + BUILD_AHEAD) : []) {
      const built = this.builds.get(segment);
      if (built === undefined || rows + built.rows > MAX_ROWS_PER_LOAD) break;
      group.push(segment);
      rows += built.rows;
    }
    return group;
  }

  /** Stores the group's rows files; false when the warehouse is down (retried). */
  private async store(group: readonly SpoolFile[]): Promise<boolean> {
    const files = group
      .map((segment) => this.builds.get(segment))
      .filter((built) => built !== undefined && built.rows > 0)
      .map((built) => built!.file);
    if (files.length === 0) {
      return true;
    }
    const { sink, metrics, logger } = this.options;
    const started = performance.now();
    try {
      const stored = sink.writeSegments
        ? await sink.writeSegments(files)
        : await sink.writeSegment(files[0]!);
      metrics.observe('tagwarden_sink_write_seconds', (performance.now() - started) / 1000);
      metrics.increment('tagwarden_events_stored_total', {}, stored);
      this.markUp(true);
      return true;
    } catch (error) {
      metrics.increment('tagwarden_sink_write_errors_total');
      logger.warn({ err: error, segments: files.map((file) => file.id) }, 'a load failed');
      if (!(await this.isReachable())) {
        this.markUp(false);
        return false;
      }
      for (const file of files) {
        if (!(await this.loadRowByRow(file))) return false;
      }
      return true;
    }
  }

  /** Deletes a stored segment: the rows file first, as a crash in between rebuilds it. */
  private async remove(segment: SpoolFile): Promise<void> {
    const built = this.builds.get(segment);
    this.queue.shift();
    this.builds.forget(segment);
    this.options.metrics.setGauge('tagwarden_spool_segments', this.queue.length);
    if (built !== undefined) await unlink(built.file.path).catch(() => undefined);
    await unlink(segment.path).catch(() => undefined);
    this.options.onLoaded(segment.bytes);
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
