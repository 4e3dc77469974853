import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildRequest } from './build-rows-worker.js';
import { buildSegmentRows, type BuiltSegment } from './build-segment-rows.js';

interface BuildReply {
  id: number;
  built?: BuiltSegment;
  error?: string;
}

interface Waiting {
  resolve: (built: BuiltSegment) => void;
  reject: (error: Error) => void;
}

const WORKER_URL = new URL('./build-rows-worker.js', import.meta.url);

/**
 * Builds segments' rows files on a worker thread, started on first use and started again if
 * it dies. Where the compiled worker is not beside this module (the sources run directly, as
 * under the test runner) the same function runs on the calling thread instead.
 */
export class RowBuilder {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  constructor(private readonly useWorker = existsSync(fileURLToPath(WORKER_URL))) {}

  /** Whether building runs on a worker thread. */
  get isThreaded(): boolean {
    return this.useWorker;
  }

  build(segmentPath: string, rowsPath: string): Promise<BuiltSegment> {
    if (!this.useWorker) {
      return buildSegmentRows(segmentPath, rowsPath);
    }
    const worker = this.requireWorker();
    this.nextId += 1;
    const request: BuildRequest = { id: this.nextId, segmentPath, rowsPath };
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private requireWorker(): Worker {
    if (this.worker !== undefined) {
      return this.worker;
    }
    const worker = new Worker(WORKER_URL);
    worker.on('message', (reply: BuildReply) => this.settle(reply));
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) =>
      this.failAll(worker, new Error(`the row-building thread exited with code ${code}`)),
    );
    this.worker = worker;
    return worker;
  }

  private settle(reply: BuildReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (reply.built !== undefined) waiting?.resolve(reply.built);
    else waiting?.reject(new Error(reply.error ?? 'the row-building thread gave no rows'));
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
