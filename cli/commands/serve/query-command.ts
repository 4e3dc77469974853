import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UsageError } from '../../usage-error.js';
import { DEFAULT_DUCKDB_FILE } from './open-sink.js';
import { renderQueryTable } from './render-query-table.js';

export interface QueryFlags {
  db?: string;
  format: 'table' | 'json';
}

/**
 * `tagwarden query "<sql>"`: runs SQL against the collector's DuckDB file, read-only, and prints
 * the rows as a table or as JSON (64-bit integers as text, nested values as JSON).
 */
export async function runQuery(sql: string, flags: QueryFlags): Promise<void> {
  const file = resolve(flags.db ?? DEFAULT_DUCKDB_FILE);
  if (!existsSync(file)) {
    throw new UsageError(
      `no DuckDB file at ${file}`,
      'Run `tagwarden serve` first (it creates ./tagwarden.duckdb), or pass --db FILE.',
    );
  }
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' }).catch(
    (error: unknown) => {
      throw new UsageError(
        `cannot open ${file}: ${firstLine(error)}`,
        'DuckDB lets one process write a file at a time: stop `tagwarden serve`, or query a copy of the file.',
      );
    },
  );
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql).catch((error: unknown) => {
      throw new UsageError(
        `the query failed: ${firstLine(error)}`,
        'Tables: events; views: events_flat, event_params_flat, items_flat, user_properties_flat.',
      );
    });
    const columns = reader.columnNames();
    const rows = reader.getRowObjectsJson();
    process.stdout.write(
      flags.format === 'json'
        ? `${JSON.stringify(rows, null, 2)}\n`
        : renderQueryTable(columns, rows),
    );
    connection.closeSync();
  } finally {
    instance.closeSync();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
