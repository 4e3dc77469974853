import { DuckDBInstance } from '@duckdb/node-api';

/** One row of the warehouse, reduced to what the demo shows. */
export interface WarehouseRow {
  eventTime: string;
  eventName: string;
  source: string;
  transactionId: string | null;
  value: number | null;
  currency: string | null;
}

export interface WarehouseContents {
  file: string;
  total: number;
  rows: WarehouseRow[];
}

const ROWS_SQL = `
  SELECT strftime(to_timestamp(event_timestamp / 1000000), '%H:%M:%S') AS event_time,
         event_name, source, transaction_id, value, currency
  FROM events_flat
  ORDER BY event_timestamp, event_name`;

/**
 * The rows the collector stored, read from its DuckDB file once the collector has closed it
 * (DuckDB lets one process write a file at a time), through the export-shaped `events_flat` view.
 */
export async function readWarehouse(file: string): Promise<WarehouseContents> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(ROWS_SQL);
    const rows = reader.getRowObjectsJson().map((row) => ({
      eventTime: String(row['event_time'] ?? ''),
      eventName: String(row['event_name'] ?? ''),
      source: String(row['source'] ?? ''),
      transactionId: textOrNull(row['transaction_id']),
      value: row['value'] === null || row['value'] === undefined ? null : Number(row['value']),
      currency: textOrNull(row['currency']),
    }));
    connection.closeSync();
    return { file, total: rows.length, rows };
  } finally {
    instance.closeSync();
  }
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
