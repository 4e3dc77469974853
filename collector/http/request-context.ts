import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CollectorOptions } from '../collector-options.js';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import type { IngestPipeline } from '../pipeline/ingest-pipeline.js';
import type { SplitHitAssembler } from '../split/split-hit-assembler.js';

/** What every handler works with: the server's parts, and the request in hand. */
export interface Collector {
  options: CollectorOptions;
  pipeline: IngestPipeline;
  metrics: CollectorMetrics;
  assembler: SplitHitAssembler;
  logger: Logger;
}

export interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  path: string;
  query: string;
  receivedAt: number;
  /** CORS headers to add to the answer (empty when CORS is not configured). */
  corsHeaders: Record<string, string>;
}

/** What a handler did, for the request log and metrics. */
export interface Handled {
  status: number;
  stored?: number;
  rejected?: number;
  reason?: string;
}
