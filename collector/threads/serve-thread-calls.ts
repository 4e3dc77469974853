import { parentPort } from 'node:worker_threads';
import type { ThreadCall, ThreadReply } from './thread-calls.js';

type Method = (...args: never[]) => unknown;

/**
 * Answers `ThreadClient` calls on this worker thread with `methods`, one call at a time in the
 * order they came, so calls on one connection or file never overlap. A call of an unknown name
 * is answered with an error, never looked up on the prototype.
 */
export function serveThreadCalls(methods: Record<string, Method>): void {
  let previous: Promise<void> = Promise.resolve();
  parentPort?.on('message', (call: ThreadCall) => {
    previous = previous.then(() => answer(methods, call));
  });
}

async function answer(methods: Record<string, Method>, call: ThreadCall): Promise<void> {
  let reply: ThreadReply;
  try {
    if (!Object.hasOwn(methods, call.method)) {
      throw new Error(`this thread has no ${call.method}`);
    }
    const method = methods[call.method] as (...args: unknown[]) => unknown;
    reply = { id: call.id, value: await method(...call.args) };
  } catch (error) {
    reply = { id: call.id, error: error instanceof Error ? error.message : String(error) };
  }
  try {
    parentPort?.postMessage(reply);
  } catch (error) {
    // A value that cannot cross threads still gets an answer, so no caller waits forever.
    const reason = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage({ id: call.id, error: `the answer could not be sent: ${reason}` });
  }
}
