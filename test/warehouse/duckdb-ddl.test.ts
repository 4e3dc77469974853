import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorDdl } from '../../shared/warehouse/ddl/mirror-ddl.js';
import { duckDbInsertSql } from '../../shared/warehouse/ddl/mirror-insert-sql.js';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';
import type { MirrorRow } from '../../shared/warehouse/mirror-row.js';
import { A26, A28 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { bundledCaptureRows, corpusRows, distinctRows } from './capture-rows.js';
import { rowOf, rowsOf } from './mirror-test-rows.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  for (const statement of mirrorDdl('duckdb')) {
    await connection.run(statement);
  }
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function insert(rows: readonly MirrorRow[]): Promise<void> {
  await connection.run(duckDbInsertSql(), [JSON.stringify(rows)]);
}

async function readJson(sql: string, values: string[] = []): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

describe('the mirror table in real DuckDB', () => {
  it('accepts the DDL twice (idempotent) and has every column in order', async () => {
    for (const statement of mirrorDdl('duckdb')) {
      await connection.run(statement);
    }
    const columns = await readJson(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position",
    );
    expect(columns.map((column) => column.column_name)).toEqual(
      MIRROR_COLUMNS.map((column) => column.name),
    );
  });

  it('stores every GA4 event of the corpus and the bundled captures and reads them back equal', async () => {
    const rows = distinctRows([...corpusRows(), ...bundledCaptureRows()]);
    expect(rows.length).toBeGreaterThan(25);
    await insert(rows);

    for (const row of rows) {
      const [stored] = await readJson(
        `SELECT event_name, event_timestamp, to_json(event_params)::VARCHAR AS params,
                to_json(items)::VARCHAR AS items, to_json(device)::VARCHAR AS device,
                to_json(ecommerce)::VARCHAR AS ecommerce, consent::VARCHAR AS consent,
                strftime(received_at, '%Y-%m-%dT%H:%M:%S.%g') || 'Z' AS received_at
         FROM events WHERE event_id = $1`,
        [row.event_id],
      );
      expect(stored?.event_name).toBe(row.event_name);
      expect(Number(stored?.event_timestamp)).toBe(row.event_timestamp);
      expect(JSON.parse(String(stored?.params))).toEqual(row.event_params);
      expect(JSON.parse(String(stored?.items))).toEqual(row.items);
      expect(JSON.parse(String(stored?.device))).toEqual(row.device);
      expect(JSON.parse(String(stored?.ecommerce))).toEqual(row.ecommerce);
      expect(JSON.parse(String(stored?.consent))).toEqual(row.consent);
      expect(stored?.received_at).toBe(row.received_at);
    }
  });

  it('skips a replayed row: event_id is the key and ON CONFLICT DO NOTHING', async () => {
    const row = rowOf(A28);
    await insert([row, row]);
    await insert([row]);
    const [count] = await readJson('SELECT count(*) AS n FROM events WHERE event_id = $1', [
      row.event_id,
    ]);
    expect(Number(count?.n)).toBe(1);
  });

  it('runs the analyst query of the export unchanged: a parameter by UNNEST', async () => {
    const [row] = await readJson(
      `SELECT (SELECT p.value.double_value FROM UNNEST(event_params) AS u(p) WHERE p.key = 'value') AS value
       FROM events WHERE event_id = $1`,
      [rowOf(A28).event_id],
    );
    expect(row?.value).toBe(72.05);
  });

  it('flattens parameters, items and the common parameters in the views', async () => {
    const purchase = rowOf(A28);
    const [flat] = await readJson('SELECT * FROM events_flat WHERE event_id = $1', [
      purchase.event_id,
    ]);
    expect(flat).toMatchObject({
      event_name: 'purchase',
      page_location: 'https://www.example.com/?g=123123',
      ga_session_id: '1766755460',
      currency: 'USD',
      value: 72.05,
      transaction_id: 'T_12345',
      device_browser: 'Microsoft Edge',
    });

    const items = await readJson(
      'SELECT item_id, price, quantity FROM items_flat WHERE event_id = $1 ORDER BY item_id',
      [purchase.event_id],
    );
    expect(items).toEqual([
      { item_id: 'SKU_12345', price: 10.01, quantity: '3' },
      { item_id: 'SKU_12346', price: 21.01, quantity: '2' },
    ]);

    const [scroll] = rowsOf(A26);
    const params = await readJson(
      'SELECT param_key, int_value FROM event_params_flat WHERE event_id = $1 AND param_key = $2',
      [scroll!.event_id, 'percent_scrolled'],
    );
    expect(params).toEqual([{ param_key: 'percent_scrolled', int_value: '90' }]);
  });
});
