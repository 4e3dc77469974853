/** Bounds on the asynchronous work one run may leave behind. */
export interface SchedulerLimits {
  /** Scheduled tasks (callLater, callbacks, promise reactions) one run may execute. */
  maxTasks: number;
  /** How long a drain waits, in real time, for tracked host promises (network sends). */
  drainTimeoutMs: number;
}

export const defaultSchedulerLimits: SchedulerLimits = { maxTasks: 10_000, drainTimeoutMs: 30_000 };

/** How a drain ended. */
export type DrainOutcome = 'settled' | 'timed-out' | 'too-many-tasks';

/**
 * The task queue behind `callLater` and API callbacks, plus the host promises the runner must
 * wait for. `drain()` runs tasks in order until nothing is queued and nothing tracked is
 * pending, so async test assertions run before a verdict is given (reference §4.1).
 */
export class Scheduler {
  private readonly tasks: Array<() => void> = [];
  private readonly pending = new Set<Promise<unknown>>();
  private executed = 0;

  constructor(
    private readonly onError: (error: unknown) => void,
    private readonly limits: SchedulerLimits = defaultSchedulerLimits,
  ) {}

  schedule(task: () => void): void {
    this.tasks.push(task);
  }

  track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    const forget = () => void this.pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /**
   * Runs queued tasks until nothing is queued and nothing tracked is pending. Host promise
   * reactions get to run before each task, as microtasks run before timers in JavaScript.
   */
  async drain(): Promise<DrainOutcome> {
    const deadline = Date.now() + this.limits.drainTimeoutMs;
    for (;;) {
      await flushMicrotasks();
      const task = this.tasks.shift();
      if (task !== undefined) {
        if (++this.executed > this.limits.maxTasks) {
          this.tasks.length = 0;
          return 'too-many-tasks';
        }
        this.run(task);
        continue;
      }
      if (this.pending.size === 0) return 'settled';
      const remaining = deadline - Date.now();
      if (remaining <= 0) return 'timed-out';
      await settledOrTimeout([...this.pending], remaining);
    }
  }

  private run(task: () => void): void {
    try {
      task();
    } catch (error) {
      this.onError(error);
    }
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let turn = 0; turn < 16; turn++) await Promise.resolve();
}

async function settledOrTimeout(
  promises: Array<Promise<unknown>>,
  timeoutMs: number,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  const anySettled = Promise.race(promises.map((promise) => promise.then(noop, noop)));
  await Promise.race([anySettled, timeout]);
  clearTimeout(timer);
}

function noop(): void {}
