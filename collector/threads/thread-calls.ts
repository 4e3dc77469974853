/** A call of a named function on a worker thread. */
export interface ThreadCall {
  id: number;
  method: string;
  args: unknown[];
}

/** What the thread answers a call: the function's value, or the message of what it threw. */
export type ThreadReply = { id: number; value: unknown } | { id: number; error: string };
