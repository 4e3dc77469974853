import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { CollectorOptions } from './collector-options.js';
import { createLogger } from './create-logger.js';
import { answerClientError } from './http/answer-client-error.js';
import { createRequestHandler } from './http/create-request-handler.js';
import type { Collector } from './http/request-context.js';
import { CollectorMetrics } from './metrics/collector-metrics.js';
import { IngestPipeline } from './pipeline/ingest-pipeline.js';
import { SplitHitAssembler } from './split/split-hit-assembler.js';

/** A collector that is listening. */
export interface RunningCollector {
  url: string;
  port: number;
  logger: Logger;
  metrics: CollectorMetrics;
  /**
   * Stops taking requests, answers the ones in flight, closes the spool and loads it into the
   * warehouse until the shutdown deadline; returns false when rows were left in the spool (they
   * are loaded at the next start).
   */
  close(): Promise<boolean>;
}

/** Opens the warehouse (creating or migrating its schema), replays the spool, and listens. */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const logger = createLogger(options.logLevel);
  const metrics = new CollectorMetrics();
  await options.sink.open();
  const pipeline = await openPipeline(options, metrics, logger);
  const assembler = new SplitHitAssembler(
    {
      timeoutMs: options.splitTimeoutMs,
      maxMessages: 10_000,
      maxParts: 64,
      maxBytes: options.maxBodyBytes,
    },
    () => metrics.increment('tagwarden_split_messages_expired_total'),
  );
  const collector: Collector = { options, pipeline, metrics, assembler, logger };
  const server = createServer({ keepAliveTimeout: 65_000 }, createRequestHandler(collector));
  server.on('clientError', answerClientError);
  const port = await listen(server, options.host, options.port).catch(async (error: unknown) => {
    // Nothing may keep running (a loader thread would keep the process from exiting).
    assembler.close();
    await pipeline.close(Date.now());
    await options.sink.close();
    throw error;
  });
  logger.info({ port, sink: options.sink.description }, 'collector listening');

  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    logger,
    metrics,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      assembler.close();
      await closed;
      const isDrained = await pipeline.close(Date.now() + options.shutdownSeconds * 1000);
      await options.sink.close();
      logger.flush();
      return isDrained;
    },
  };
}

/** The spool and its loader; the sink is closed again when they cannot be opened. */
async function openPipeline(
  options: CollectorOptions,
  metrics: CollectorMetrics,
  logger: Logger,
): Promise<IngestPipeline> {
  try {
    return await IngestPipeline.open({
      sink: options.sink,
      metrics,
      logger,
      spool: {
        directory: options.spoolDirectory,
        maxSegmentBytes: options.batchMaxBytes,
        maxSegmentRows: options.batchMaxRows,
        maxSegmentAgeMs: options.batchMaxMs,
        limitBytes: options.spoolLimitBytes,
      },
    });
  } catch (error) {
    await options.sink.close();
    throw error;
  }
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
