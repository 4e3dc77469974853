import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { mirrorDdl } from '../../shared/warehouse/ddl/mirror-ddl.js';
import { postgresInsertSql } from '../../shared/warehouse/ddl/mirror-insert-sql.js';
import { addMissingColumns } from './add-missing-columns.js';
import { segmentLines, type Sink, type SpoolSegment } from './sink.js';

/**
 * PostgreSQL: nested columns as JSONB. A segment is sent as one JSON array parameter and
 * turned into rows by `jsonb_to_recordset`, in one statement (one transaction) with ON CONFLICT
 * DO NOTHING on `event_id`.
 */
export class PostgresSink implements Sink {
  private readonly pool: pg.Pool;
  private readonly insertSql = postgresInsertSql();

  constructor(private readonly url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
    // An idle client losing its server must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  get description(): string {
    const parsed = URL.canParse(this.url) ? new URL(this.url) : undefined;
    return parsed === undefined ? 'postgres' : `postgres://${parsed.host}${parsed.pathname}`;
  }

  async open(): Promise<void> {
    const [table, ...views] = mirrorDdl('postgres');
    await this.pool.query(table ?? '');
    await addMissingColumns(
      async () =>
        (await this.pool.query<{ column_name: string }>(COLUMN_NAMES_SQL)).rows.map(
          (row) => row.column_name,
        ),
      async (sql) => void (await this.pool.query(sql)),
      'postgres',
    );
    for (const view of views) {
      await this.pool.query(view);
    }
  }

  async writeSegment(segment: SpoolSegment): Promise<number> {
    return this.writeLines(segmentLines(await readFile(segment.path, 'utf8')));
  }

  async writeLines(lines: readonly string[]): Promise<number> {
    if (lines.length === 0) {
      return 0;
    }
    const result = await this.pool.query(this.insertSql, [`[${lines.join(',')}]`]);
    return result.rowCount ?? 0;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const COLUMN_NAMES_SQL =
  "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' " +
  'AND table_schema = current_schema() ORDER BY ordinal_position';
