import type { ApiEnvironment } from '../contract.js';

interface ReactionQueue {
  tasks: Array<() => void>;
  isFlushScheduled: boolean;
}

const queues = new WeakMap<ApiEnvironment, ReactionQueue>();

/**
 * Queues a promise reaction. All reactions queued before the queue is flushed, and all queued
 * while it flushes, run in one task handed to `environment.schedule`: a chain of `.then` calls
 * thus completes before a `callLater` queued after the chain began, as microtasks finish before
 * timers in JavaScript. The runner drains the queue by draining its scheduled tasks.
 */
export function enqueueReaction(environment: ApiEnvironment, task: () => void): void {
  let queue = queues.get(environment);
  if (queue === undefined) {
    queue = { tasks: [], isFlushScheduled: false };
    queues.set(environment, queue);
  }
  queue.tasks.push(task);
  if (queue.isFlushScheduled) return;
  queue.isFlushScheduled = true;
  const flushing = queue;
  environment.schedule(() => flush(flushing));
}

function flush(queue: ReactionQueue): void {
  for (let task = queue.tasks.shift(); task !== undefined; task = queue.tasks.shift()) {
    try {
      task();
    } catch {
      // Reactions settle their own promise with any error; nothing is left to report here.
    }
  }
  queue.isFlushScheduled = false;
}
