import { join } from 'node:path';
import type { Logger } from 'pino';
import type { MirrorRow } from '../../shared/warehouse/mirror-row.js';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import type { Sink } from '../sinks/sink.js';
import { listSpoolSegments } from './list-spool-segments.js';
import { rawHitLine, type RawHit } from './raw-hit.js';
import { RowBuilder } from './row-builder.js';
import { SegmentLoader } from './segment-loader.js';
import { WriteAheadSpool, type SpoolOptions } from './write-ahead-spool.js';

export interface PipelineOptions {
  sink: Sink;
  spool: Omit<SpoolOptions, 'directory'> & { directory: string };
  metrics: CollectorMetrics;
  logger: Logger;
}

/** Whether the collector can take hits, and why not. */
export interface Readiness {
  isReady: boolean;
  reason?: string;
  spoolBytes: number;
  spoolLimitBytes: number;
  waitingSegments: number;
  isSinkUp: boolean;
}

/**
 * Spool in front, warehouse behind: `acceptHit` and `accept` resolve once a hit or rows are
 * durable in the spool (the moment they may be acknowledged), and the loader builds the rows of
 * closed segments and moves them into the warehouse in the background. At start, segments a
 * previous run left behind are loaded first.
 */
export class IngestPipeline {
  private constructor(
    private readonly spool: WriteAheadSpool,
    private readonly loader: SegmentLoader,
    private readonly builder: RowBuilder,
    private readonly metrics: CollectorMetrics,
  ) {}

  static async open(options: PipelineOptions): Promise<IngestPipeline> {
    const leftovers = await listSpoolSegments(options.spool.directory);
    const leftoverBytes = leftovers.reduce((total, segment) => total + segment.bytes, 0);
    const { metrics } = options;
    // The loader is made first and tells the spool (made next) what it has stored.
    const holder: { spool?: WriteAheadSpool } = {};
    const builder = new RowBuilder();
    const loader = new SegmentLoader({
      sink: options.sink,
      builder,
      metrics,
      logger: options.logger,
      deadLetterPath: join(options.spool.directory, 'dead-letter.ndjson'),
      onLoaded: (bytes) => holder.spool?.release(bytes),
    });
    const spool = new WriteAheadSpool(
      options.spool,
      (segment) => loader.enqueue(segment),
      leftoverBytes,
    );
    holder.spool = spool;
    if (leftovers.length > 0) {
      options.logger.info(
        { segments: leftovers.length, bytes: leftoverBytes },
        'replaying the spool',
      );
    }
    leftovers.forEach((segment) => loader.enqueue(segment));
    metrics.setGauge('tagwarden_spool_limit_bytes', options.spool.limitBytes);
    metrics.setGauge('tagwarden_sink_up', 1);
    return new IngestPipeline(spool, loader, builder, metrics);
  }

  /** Makes rows durable; rejects with SpoolFullError when the spool is at its limit. */
  async accept(rows: readonly MirrorRow[]): Promise<void> {
    await this.append(rows.map((row) => JSON.stringify(row)));
  }

  /** Makes a hit durable as received; its rows are built when its segment is loaded. */
  async acceptHit(hit: RawHit): Promise<void> {
    // The segment's size in rows counts the hit's events: it bounds what one load holds.
    await this.append([rawHitLine(hit)], hit.events);
  }

  private async append(lines: string[], rows = lines.length): Promise<void> {
    try {
      await this.spool.append(lines, rows);
    } finally {
      this.metrics.setGauge('tagwarden_spool_bytes', this.spool.bytes);
    }
  }

  readiness(): Readiness {
    const spoolBytes = this.spool.bytes;
    const isFull = spoolBytes >= this.spool.limitBytes * 0.95;
    const isSinkUp = this.loader.isSinkUp;
    const reason = !isSinkUp
      ? 'the warehouse is not accepting writes; hits are spooled'
      : isFull
        ? 'the spool is nearly full'
        : undefined;
    return {
      isReady: !isFull,
      ...(reason === undefined ? {} : { reason }),
      spoolBytes,
      spoolLimitBytes: this.spool.limitBytes,
      waitingSegments: this.loader.waitingSegments,
      isSinkUp,
    };
  }

  /** Closes the open segment and loads what it can before `deadline`; the rest waits on disk. */
  async close(deadline: number): Promise<boolean> {
    await this.spool.close();
    const isDrained = await this.loader.drain(deadline);
    await this.builder.close();
    this.metrics.setGauge('tagwarden_spool_bytes', this.spool.bytes);
    return isDrained;
  }
}
