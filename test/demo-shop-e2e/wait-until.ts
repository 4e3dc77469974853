/** Polls `isDone` every 100 ms until it holds, or fails after `timeoutMs` saying what it waited for. */
export async function waitUntil(
  what: string,
  isDone: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!isDone()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
