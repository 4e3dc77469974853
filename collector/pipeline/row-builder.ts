import { ThreadClient } from '../threads/thread-client.js';
import { buildSegmentRows, type BuiltSegment, type RowShape } from './build-segment-rows.js';

const WORKER_URL = new URL('./build-rows-worker.js', import.meta.url);

/**
 * Builds segments' rows files on a worker thread, started on first use and started again if
 * it dies. Where the compiled worker is not beside this module (the sources run directly, as
 * under the test runner) the same function runs on the calling thread instead.
 */
export class RowBuilder {
  private readonly thread: ThreadClient | undefined;

  constructor(useWorker = ThreadClient.canStart(WORKER_URL)) {
    this.thread = useWorker ? new ThreadClient(WORKER_URL) : undefined;
  }

  /** Whether building runs on a worker thread. */
  get isThreaded(): boolean {
    return this.thread !== undefined;
  }

  build(segmentPath: string, rowsPath: string, shape: RowShape = 'full'): Promise<BuiltSegment> {
    if (this.thread === undefined) {
      return Promise.resolve().then(() => buildSegmentRows(segmentPath, rowsPath, shape));
    }
    return this.thread.call<BuiltSegment>('build', segmentPath, rowsPath, shape);
  }

  async close(): Promise<void> {
    await this.thread?.close();
  }
}
