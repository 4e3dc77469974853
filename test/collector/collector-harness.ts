import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { collectorDefaults, type CollectorOptions } from '../../collector/collector-options.js';
import { DuckDbSink } from '../../collector/sinks/duckdb-sink.js';
import { startCollector, type RunningCollector } from '../../collector/start-collector.js';

/** A collector on a free loopback port, writing to DuckDB in a scratch folder. */
export interface TestCollector {
  url: string;
  running: RunningCollector;
  directory: string;
  databaseFile: string;
  /** Stops the collector (flushing the spool); the scratch folder stays for reading. */
  stop(): Promise<boolean>;
  /** Removes the scratch folder. */
  remove(): void;
}

export async function startTestCollector(
  overrides: Partial<CollectorOptions> = {},
): Promise<TestCollector> {
  const directory = mkdtempSync(join(tmpdir(), 'tagwarden-collector-'));
  const databaseFile = join(directory, 'events.duckdb');
  const running = await startCollector({
    ...collectorDefaults,
    host: '127.0.0.1',
    port: 0,
    sink: new DuckDbSink(databaseFile, 1),
    spoolDirectory: join(directory, 'spool'),
    logLevel: 'silent',
    batchMaxMs: 50,
    shutdownSeconds: 20,
    ...overrides,
  });
  let isStopped = false;
  return {
    url: running.url,
    running,
    directory,
    databaseFile,
    stop: async () => {
      if (isStopped) return true;
      isStopped = true;
      return running.close();
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/** Rows of a query against a DuckDB file, opened read-only (the collector must be stopped). */
export async function queryDuckDb(
  file: string,
  sql: string,
  values: string[] = [],
): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql, values);
    connection.closeSync();
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    instance.closeSync();
  }
}

/** A GA4 hit query for one event with its own event_id, the key tests count by. */
export function hitQuery(eventId: string, extra = ''): string {
  return `v=2&tid=G-TEST000001&cid=1111.1700000000&_p=1700000000000&_s=1&en=test_event&ep.event_id=${eventId}${extra}`;
}

/** A batch body of events, one line each, with their own ids. */
export function batchBody(eventIds: readonly string[]): string {
  return eventIds.map((id) => `en=batch_event&ep.event_id=${id}&epn.n=1`).join('\r\n');
}

export const SHARED_BATCH_QUERY = 'v=2&tid=G-TEST000001&cid=1111.1700000000&_p=1700000000000&_s=7';
