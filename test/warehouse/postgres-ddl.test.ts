import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorDdl } from '../../shared/warehouse/ddl/mirror-ddl.js';
import { postgresInsertSql } from '../../shared/warehouse/ddl/mirror-insert-sql.js';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';
import type { MirrorRow } from '../../shared/warehouse/mirror-row.js';
import { A26, A28 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { bundledCaptureRows, corpusRows, distinctRows } from './capture-rows.js';
import { rowOf, rowsOf } from './mirror-test-rows.js';
import {
  createScratchDatabase,
  postgresSkipReason,
  type ScratchDatabase,
} from './postgres-scratch-database.js';

const skipReason = await postgresSkipReason();

describe.skipIf(skipReason !== undefined)('the mirror table in real PostgreSQL', () => {
  let database: ScratchDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createScratchDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    for (const statement of mirrorDdl('postgres')) {
      await client.query(statement);
    }
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  async function insert(rows: readonly MirrorRow[]): Promise<number> {
    const result = await client.query(postgresInsertSql(), [JSON.stringify(rows)]);
    return result.rowCount ?? 0;
  }

  it('accepts the DDL twice (idempotent) and has every column in order', async () => {
    for (const statement of mirrorDdl('postgres')) {
      await client.query(statement);
    }
    const result = await client.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position",
    );
    expect(result.rows.map((row) => row.column_name)).toEqual(
      MIRROR_COLUMNS.map((column) => column.name),
    );
  });

  it('stores every GA4 event of the corpus and the bundled captures and reads them back equal', async () => {
    const rows = distinctRows([...corpusRows(), ...bundledCaptureRows()]);
    expect(await insert(rows)).toBe(rows.length);

    const result = await client.query<Record<string, unknown>>(
      `SELECT event_id, event_name, event_timestamp, event_params, items, device, ecommerce, consent,
              privacy_info, to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at
       FROM events`,
    );
    const stored = new Map(result.rows.map((row) => [row.event_id, row]));
    for (const row of rows) {
      const found = stored.get(row.event_id);
      expect(found).toMatchObject({
        event_name: row.event_name,
        event_timestamp: String(row.event_timestamp),
        event_params: row.event_params,
        items: row.items,
        device: row.device,
        ecommerce: row.ecommerce,
        consent: row.consent,
        privacy_info: row.privacy_info,
        received_at: row.received_at,
      });
    }
  });

  it('skips a replayed row: event_id is the key and ON CONFLICT DO NOTHING', async () => {
    const row = rowOf(A28);
    await insert([row, row]);
    expect(await insert([row])).toBe(0);
    const result = await client.query('SELECT count(*)::int AS n FROM events WHERE event_id = $1', [
      row.event_id,
    ]);
    expect(result.rows[0]).toEqual({ n: 1 });
  });

  it('flattens parameters, items and the common parameters in the views', async () => {
    const purchase = rowOf(A28);
    const flat = await client.query('SELECT * FROM events_flat WHERE event_id = $1', [
      purchase.event_id,
    ]);
    expect(flat.rows[0]).toMatchObject({
      event_name: 'purchase',
      page_location: 'https://www.example.com/?g=123123',
      ga_session_id: '1766755460',
      currency: 'USD',
      value: 72.05,
      transaction_id: 'T_12345',
      device_browser: 'Microsoft Edge',
    });

    const items = await client.query(
      'SELECT item_id, price, quantity FROM items_flat WHERE event_id = $1 ORDER BY item_id',
      [purchase.event_id],
    );
    expect(items.rows).toEqual([
      { item_id: 'SKU_12345', price: 10.01, quantity: '3' },
      { item_id: 'SKU_12346', price: 21.01, quantity: '2' },
    ]);

    const [scroll] = rowsOf(A26);
    const params = await client.query(
      'SELECT param_key, int_value FROM event_params_flat WHERE event_id = $1 AND param_key = $2',
      [scroll!.event_id, 'percent_scrolled'],
    );
    expect(params.rows).toEqual([{ param_key: 'percent_scrolled', int_value: '90' }]);
  });

  it('stores text that PostgreSQL would refuse raw: NUL and lone surrogates arrive cleaned', async () => {
    const hostile = { ...A28, url: `${A28.url}&ep.note=a%00b&ep.other=%ED%A0%80` };
    const row = rowOf(hostile);
    row.event_id = 'hostile-text';
    expect(await insert([row])).toBe(1);
  });
});
