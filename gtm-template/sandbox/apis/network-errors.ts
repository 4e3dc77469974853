/** A NetworkPort rejects with this when a request outlived its `timeoutMs`. */
export class NetworkTimeoutError extends Error {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`The request to ${url} got no answer within ${timeoutMs} ms.`);
    this.name = 'NetworkTimeoutError';
  }
}

/** A NetworkPort rejects with this when a request could not be made or answered. */
export class NetworkFailureError extends Error {
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`The request to ${url} failed: ${detail}`);
    this.name = 'NetworkFailureError';
  }
}

/** True for our timeout error and for the `TimeoutError` DOMException of `AbortSignal.timeout`. */
export function isTimeout(error: unknown): boolean {
  return (
    error instanceof NetworkTimeoutError ||
    (error instanceof Error && error.name === 'TimeoutError')
  );
}
