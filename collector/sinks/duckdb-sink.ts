import { ThreadClient } from '../threads/thread-client.js';
import type { DuckDbThreadData } from './duckdb-thread.js';
import { DuckDbWarehouse } from './duckdb-warehouse.js';
import type { Sink, SpoolSegment } from './sink.js';

const THREAD_URL = new URL('./duckdb-thread.js', import.meta.url);

/**
 * DuckDB: one file (`./tagwarden.duckdb` by default), written on a thread of its own at a lower
 * priority (`DuckDbWarehouse` does the work; where the compiled thread module is not beside
 * this one, as under the test runner, it runs here on Node's pool instead). Rows files are read
 * by DuckDB's NDJSON reader, several segments in one transaction when the loader has them
 * ready. DuckDB lets one process write a file at a time: `tagwarden query` reads it once the
 * server has stopped (see collector/README.md).
 */
export class DuckDbSink implements Sink {
  readonly readsSparseRows = true;
  private readonly thread: ThreadClient | undefined;
  private readonly local: DuckDbWarehouse | undefined;

  constructor(
    private readonly file: string,
    threads = DEFAULT_THREADS,
    useThread = ThreadClient.canStart(THREAD_URL),
  ) {
    const data: DuckDbThreadData = { file, threads };
    this.thread = useThread ? new ThreadClient(THREAD_URL, data) : undefined;
    this.local = useThread ? undefined : new DuckDbWarehouse(file, threads, 'pool');
  }

  get description(): string {
    return `duckdb:${this.file}`;
  }

  /** Whether DuckDB runs on its own thread. */
  get isThreaded(): boolean {
    return this.thread !== undefined;
  }

  /** Opens the file; when it cannot be opened, its thread stops, so no process waits on it. */
  async open(): Promise<void> {
    if (this.local !== undefined) {
      return this.local.open();
    }
    try {
      await this.thread!.call<void>('open');
    } catch (error) {
      await this.thread!.close();
      throw error;
    }
  }

  writeSegment(segment: SpoolSegment): Promise<number> {
    return this.writeSegments([segment]);
  }

  writeSegments(segments: readonly SpoolSegment[]): Promise<number> {
    const paths = segments.map((segment) => segment.path);
    return this.local?.loadFiles(paths) ?? this.thread!.call<number>('loadFiles', paths);
  }

  writeLines(lines: readonly string[]): Promise<number> {
    return this.local?.loadLines(lines) ?? this.thread!.call<number>('loadLines', [...lines]);
  }

  ping(): Promise<void> {
    return this.local?.ping() ?? this.thread!.call<void>('ping');
  }

  async close(): Promise<void> {
    if (this.local !== undefined) {
      this.local.close();
      return;
    }
    await this.thread!.call<void>('close').catch(() => undefined);
    await this.thread!.close();
  }
}

// One DuckDB thread: a load is one statement on one connection, and a second thread cost more
// CPU per row than it saved in wall time (the bench's rows loaded 20,000 at a time: about 46 µs
// of CPU per row with one thread, 58 with two).
const DEFAULT_THREADS = 1;
