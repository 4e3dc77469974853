import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ThreadCall, ThreadReply } from './thread-calls.js';

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Calls the functions a worker thread serves (`serveThreadCalls`) by name. The thread is
 * started on first use and started again after it dies; the calls it had not answered fail
 * with the reason. Once closed, calls fail instead of starting a thread that would keep the
 * process alive. Only messages cross the boundary (paths, counts, short lines), never the rows
 * themselves.
 */
export class ThreadClient {
  private worker: Worker | undefined;
  /** The calls each running thread has not answered yet, by call id. */
  private readonly waiting = new Map<Worker, Map<number, Waiting>>();
  private nextId = 0;
  private isClosed = false;

  constructor(
    private readonly url: URL,
    private readonly workerData?: unknown,
  ) {}

  /** Whether the compiled thread module is there to start (not when the sources run as is). */
  static canStart(url: URL): boolean {
    return existsSync(fileURLToPath(url));
  }

  call<T>(method: string, ...args: unknown[]): Promise<T> {
    if (this.isClosed) {
      return Promise.reject(new Error(`the ${this.name()} thread is closed`));
    }
    const worker = this.requireWorker();
    this.nextId += 1;
    const call: ThreadCall = { id: this.nextId, method, args };
    return new Promise<T>((resolve, reject) => {
      this.waiting.get(worker)?.set(call.id, { resolve: (value) => resolve(value as T), reject });
      worker.postMessage(call);
    });
  }

  /** Stops the thread; calls still unanswered fail. */
  async close(): Promise<void> {
    this.isClosed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private requireWorker(): Worker {
    if (this.worker !== undefined) {
      return this.worker;
    }
    const worker = new Worker(this.url, { workerData: this.workerData });
    this.waiting.set(worker, new Map());
    worker.on('message', (reply: ThreadReply) => this.settle(worker, reply));
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', (code) =>
      this.failAll(worker, new Error(`the ${this.name()} thread exited with code ${code}`)),
    );
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: ThreadReply): void {
    const calls = this.waiting.get(worker);
    const waiting = calls?.get(reply.id);
    calls?.delete(reply.id);
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply.value);
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const waiting of this.waiting.get(worker)?.values() ?? []) waiting.reject(error);
    this.waiting.delete(worker);
  }

  private name(): string {
    return fileURLToPath(this.url).replace(/^.*[\\/]|\.js$/g, '');
  }
}
