import {
  DuckDBInstance,
  DuckDBPendingResultState,
  listValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { columnDefinition } from '../../shared/warehouse/ddl/create-mirror-table-sql.js';
import { createMirrorViewsSql } from '../../shared/warehouse/ddl/create-mirror-views-sql.js';
import { duckDbJsonStructure } from '../../shared/warehouse/ddl/mirror-insert-sql.js';
import { renderColumnType } from '../../shared/warehouse/ddl/render-column-type.js';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';
import { addMissingColumns } from './add-missing-columns.js';
import { duckDbLoadSql } from './duckdb-load-sql.js';

/** Where a statement's work runs. */
export type DuckDbExecution = 'calling-thread' | 'pool';

/**
 * The DuckDB file itself: the schema, and loads of rows files or JSON lines, each in one
 * transaction that skips the rows whose `event_id` is stored already (`duckDbLoadSql`). With
 * `calling-thread`, a statement's work (the load, the commit and any checkpoint it triggers)
 * runs on the thread that calls, task by task, instead of on Node's thread pool, which also
 * carries the spool's writes: the collector gives this a thread of its own, at a lower priority.
 */
export class DuckDbWarehouse {
  private instance: DuckDBInstance | undefined;
  private connection: DuckDBConnection | undefined;

  constructor(
    private readonly file: string,
    private readonly threads: number,
    private readonly execution: DuckDbExecution,
  ) {}

  async open(): Promise<void> {
    this.instance = await DuckDBInstance.create(this.file, {
      threads: String(this.threads),
      checkpoint_threshold: CHECKPOINT_THRESHOLD,
    });
    const connection = await this.instance.connect();
    this.connection = connection;
    await connection.run(CREATE_TABLE_SQL);
    await addMissingColumns(
      async () =>
        (await connection.runAndReadAll(COLUMN_NAMES_SQL)).getRows().map((row) => String(row[0])),
      (sql) => connection.run(sql).then(() => undefined),
      'duckdb',
    );
    for (const view of createMirrorViewsSql('duckdb')) {
      await connection.run(view);
    }
  }

  /** Loads the rows files at `paths` in one transaction; returns how many rows were new. */
  loadFiles(paths: readonly string[]): Promise<number> {
    return this.inTransaction(FILES_LOAD_SQL, [listValue([...paths])]);
  }

  /** Loads rows given as JSON lines in one transaction; returns how many were new. */
  loadLines(lines: readonly string[]): Promise<number> {
    return this.inTransaction(LINES_LOAD_SQL, [`[${lines.join(',')}]`]);
  }

  async ping(): Promise<void> {
    await this.execute('SELECT 1');
  }

  close(): void {
    this.connection?.closeSync();
    this.instance?.closeSync();
    this.connection = undefined;
    this.instance = undefined;
  }

  /** The statement between BEGIN and COMMIT, so the commit runs where the statement runs. */
  private async inTransaction(sql: string, values: DuckDBValue[]): Promise<number> {
    await this.execute('BEGIN TRANSACTION');
    try {
      const changed = await this.execute(sql, values);
      await this.execute('COMMIT');
      return changed;
    } catch (error) {
      await this.execute('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Runs one statement; returns the rows it changed. */
  private async execute(sql: string, values?: DuckDBValue[]): Promise<number> {
    const connection = this.requireConnection();
    if (this.execution === 'pool') {
      return (await connection.run(sql, values)).rowsChanged;
    }
    const pending = await connection.start(sql, values);
    for (;;) {
      const state = pending.runTask();
      if (state === DuckDBPendingResultState.RESULT_READY) break;
      // Only with more DuckDB threads: the others hold the tasks, so wait instead of spinning.
      if (state === DuckDBPendingResultState.NO_TASKS_AVAILABLE) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    return (await pending.getResult()).rowsChanged;
  }

  private requireConnection(): DuckDBConnection {
    if (this.connection === undefined) {
      throw new Error('the DuckDB file is not open');
    }
    return this.connection;
  }
}

// DuckDB checkpoints (rewrites and compresses row groups) once its WAL passes this size. The
// default (16 MB) checkpointed after nearly every segment; at 128 MB the loads cost about a
// fifth less CPU per row (33 + 6 µs at the checkpoint, against 46), for a larger WAL to replay
// after a crash and more memory held until the checkpoint.
const CHECKPOINT_THRESHOLD = '128MB';

/**
 * The mirror table without the primary key of `mirrorDdl('duckdb')`: loads dedupe by `event_id`
 * in one anti-join each (`duckDbLoadSql`). A file made by an earlier version keeps its key,
 * which the same loads satisfy.
 */
const CREATE_TABLE_SQL = [
  'CREATE TABLE IF NOT EXISTS events (',
  MIRROR_COLUMNS.map((column) => `  ${columnDefinition('duckdb', column)}`).join(',\n'),
  ')',
].join('\n');

const COLUMN_NAMES_SQL =
  "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position";

/**
 * The rows files named by `$1` (a list of paths, the only parameter), read by DuckDB's own
 * NDJSON reader with this program's column types, never request data: rows are never parsed in
 * JavaScript.
 */
const FILES_LOAD_SQL = duckDbLoadSql(
  `read_json($1, format = 'newline_delimited', columns = {${MIRROR_COLUMNS.map(
    (column) =>
      `'${column.name}': '${renderColumnType('duckdb', column.type).replaceAll("'", "''")}'`,
  ).join(', ')}})`,
);

/** Rows given as one JSON array text in `$1`, parsed by `from_json` with the table's structure. */
const LINES_LOAD_SQL = duckDbLoadSql(
  `(SELECT ${MIRROR_COLUMNS.map((column) => `parsed."${column.name}" AS "${column.name}"`).join(', ')} ` +
    `FROM (SELECT unnest(from_json($1::JSON, '${JSON.stringify([duckDbJsonStructure()]).replaceAll("'", "''")}')) AS parsed))`,
);
