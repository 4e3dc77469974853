import { rmSync } from 'node:fs';
import { collectorDefaults } from '../../../collector/collector-options.js';
import { DuckDbSink } from '../../../collector/sinks/duckdb-sink.js';
import { startCollector, type RunningCollector } from '../../../collector/start-collector.js';

/**
 * The collector on a DuckDB file, on loopback: the warehouse as `tagwarden serve` runs it by
 * default. Loads its spool within 200 ms of a hit, so the rows are in by the time the walk ends.
 */
export function startDemoCollector(
  databaseFile: string,
  logLevel: string,
  port = 0,
): Promise<RunningCollector> {
  return startCollector({
    ...collectorDefaults,
    host: '127.0.0.1',
    port,
    sink: new DuckDbSink(databaseFile),
    spoolDirectory: `${databaseFile}.spool`,
    batchMaxMs: 200,
    shutdownSeconds: 20,
    logLevel,
  });
}

/** Removes the warehouse a previous demo left, so each run's rows are its own. */
export function removeDemoWarehouse(databaseFile: string): void {
  for (const path of [databaseFile, `${databaseFile}.wal`, `${databaseFile}.spool`])
    rmSync(path, { recursive: true, force: true });
}
