import type { Sink } from './sinks/sink.js';

/** Everything `tagwarden serve` can be told; `collectorDefaults` fills what is not. */
export interface CollectorOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  sink: Sink;
  spoolDirectory: string;
  /** Bearer token for POST /rows; without one the endpoint answers 403. */
  token?: string;
  /** Origins allowed to send from a browser; empty means any origin, and no CORS headers. */
  allowOrigins: string[];
  /** Paths that take GA4 hits, besides `/g/collect`. */
  collectPaths: string[];
  maxBodyBytes: number;
  spoolLimitBytes: number;
  batchMaxRows: number;
  batchMaxBytes: number;
  batchMaxMs: number;
  /** Requests handled at once; past this, 503 with Retry-After. */
  maxInFlight: number;
  logLevel: string;
  timeZone?: string;
  /** How long the parts of a split hit may take to arrive. */
  splitTimeoutMs: number;
  /** Seconds to finish loading the spool on SIGTERM before exiting (the rest is replayed). */
  shutdownSeconds: number;
}

export const collectorDefaults = {
  host: '127.0.0.1',
  port: 8787,
  allowOrigins: [] as string[],
  collectPaths: [] as string[],
  maxBodyBytes: 1024 * 1024,
  spoolLimitBytes: 512 * 1024 * 1024,
  batchMaxRows: 20_000,
  batchMaxBytes: 32 * 1024 * 1024,
  batchMaxMs: 1000,
  maxInFlight: 2048,
  logLevel: 'warn',
  shutdownSeconds: 10,
  splitTimeoutMs: 30_000,
};
