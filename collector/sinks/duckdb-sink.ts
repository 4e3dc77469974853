import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { renderColumnType } from '../../shared/warehouse/ddl/render-column-type.js';
import { duckDbInsertSql } from '../../shared/warehouse/ddl/mirror-insert-sql.js';
import { mirrorDdl } from '../../shared/warehouse/ddl/mirror-ddl.js';
import { MIRROR_COLUMNS, MIRROR_KEY_COLUMN } from '../../shared/warehouse/mirror-columns.js';
import { addMissingColumns } from './add-missing-columns.js';
import type { Sink, SpoolSegment } from './sink.js';

/**
 * DuckDB: one file (`./tagwarden.duckdb` by default). Segments are loaded by DuckDB's own
 * NDJSON reader straight from the spool file, with the table's column types, so rows are never
 * parsed in JavaScript; each load is one transaction with ON CONFLICT DO NOTHING on `event_id`.
 * DuckDB lets one process write a file at a time: `tagwarden query` reads it once the server
 * has stopped (see collector/README.md).
 */
export class DuckDbSink implements Sink {
  private instance: DuckDBInstance | undefined;
  private connection: DuckDBConnection | undefined;
  private readonly loadSql = segmentLoadSql();

  constructor(
    private readonly file: string,
    private readonly threads = DEFAULT_THREADS,
  ) {}

  get description(): string {
    return `duckdb:${this.file}`;
  }

  async open(): Promise<void> {
    this.instance = await DuckDBInstance.create(this.file, {
      threads: String(this.threads),
      checkpoint_threshold: CHECKPOINT_THRESHOLD,
    });
    this.connection = await this.instance.connect();
    const connection = this.connection;
    const [table, ...views] = mirrorDdl('duckdb');
    await connection.run(table ?? '');
    await addMissingColumns(
      async () =>
        (await connection.runAndReadAll(COLUMN_NAMES_SQL)).getRows().map((row) => String(row[0])),
      (sql) => connection.run(sql).then(() => undefined),
      'duckdb',
    );
    for (const view of views) {
      await connection.run(view);
    }
  }

  async writeSegment(segment: SpoolSegment): Promise<number> {
    const result = await this.requireConnection().run(this.loadSql, [segment.path]);
    return result.rowsChanged;
  }

  async writeLines(lines: readonly string[]): Promise<number> {
    const result = await this.requireConnection().run(duckDbInsertSql(), [`[${lines.join(',')}]`]);
    return result.rowsChanged;
  }

  async ping(): Promise<void> {
    await this.requireConnection().run('SELECT 1');
  }

  async close(): Promise<void> {
    this.connection?.closeSync();
    this.instance?.closeSync();
    this.connection = undefined;
    this.instance = undefined;
  }

  private requireConnection(): DuckDBConnection {
    if (this.connection === undefined) {
      throw new Error('the DuckDB sink is not open');
    }
    return this.connection;
  }
}

// One loader thread: a segment load is one statement on one connection, and a second thread
// cost more CPU per row than it saved in wall time (the bench's rows loaded 20,000 at a time:
// about 46 µs of CPU per row with one thread, 58 with two).
const DEFAULT_THREADS = 1;

// DuckDB checkpoints (rewrites and compresses row groups) once its WAL passes this size. The
// default (16 MB) checkpointed after nearly every segment; at 128 MB the loads cost about a
// fifth less CPU per row (33 + 6 µs at the checkpoint, against 46), for a larger WAL to replay
// after a crash and more memory held until the checkpoint.
const CHECKPOINT_THRESHOLD = '128MB';

const COLUMN_NAMES_SQL =
  "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position";

/**
 * `INSERT … SELECT … FROM read_json($1, …)`: the segment path is the only parameter; the
 * column types are this program's own schema, never request data.
 */
function segmentLoadSql(): string {
  const types = MIRROR_COLUMNS.map(
    (column) =>
      `'${column.name}': '${renderColumnType('duckdb', column.type).replaceAll("'", "''")}'`,
  );
  const names = MIRROR_COLUMNS.map((column) => `"${column.name}"`).join(', ');
  return [
    `INSERT INTO events (${names}) SELECT ${names}`,
    `FROM read_json($1, format = 'newline_delimited', columns = {${types.join(', ')}})`,
    `ON CONFLICT ("${MIRROR_KEY_COLUMN}") DO NOTHING`,
  ].join('\n');
}
