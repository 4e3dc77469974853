import { workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '../threads/lower-thread-priority.js';
import { serveThreadCalls } from '../threads/serve-thread-calls.js';
import { DuckDbWarehouse } from './duckdb-warehouse.js';

/** What `DuckDbSink` starts its thread with. */
export interface DuckDbThreadData {
  file: string;
  threads: number;
}

// The DuckDB sink's own thread: it opens the file and runs every load on itself, at a lower
// priority, so loading mostly takes the CPU time that answering requests leaves over. The file
// is opened on the first call, so a thread started again after a failure opens it again.
lowerThreadPriority();

const { file, threads } = workerData as DuckDbThreadData;
const warehouse = new DuckDbWarehouse(file, threads, 'calling-thread');
let opened: Promise<void> | undefined;

function open(): Promise<void> {
  opened ??= warehouse.open().catch((error: unknown) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

/** Runs `work` once the file is open. */
function whenOpen<T>(work: () => Promise<T>): Promise<T> {
  return open().then(work);
}

serveThreadCalls({
  open,
  loadFiles: (paths: string[]) => whenOpen(() => warehouse.loadFiles(paths)),
  loadLines: (lines: string[]) => whenOpen(() => warehouse.loadLines(lines)),
  ping: () => whenOpen(() => warehouse.ping()),
  close: () => warehouse.close(),
});
