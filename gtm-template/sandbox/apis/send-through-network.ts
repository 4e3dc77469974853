import type { ApiEnvironment, HttpResponse, OutgoingRequest } from '../contract.js';
import { isTimeout } from './network-errors.js';

/** What a request came to: a response (any status), or GTM's failure reason. */
export type NetworkOutcome =
  | { isAnswered: true; response: HttpResponse }
  | { isAnswered: false; reason: 'failed' | 'timed_out' };

/**
 * Sends through the environment's NetworkPort and reports the outcome instead of rejecting.
 * `then` runs the API's follow-up (scheduling callbacks, settling a sandbox promise); the
 * runner waits for it through `environment.track`, so the follow-up has run once the tracked
 * work settles.
 */
export function sendThroughNetwork(
  environment: ApiEnvironment,
  request: OutgoingRequest,
  then: (outcome: NetworkOutcome) => void,
): void {
  let sending: Promise<HttpResponse>;
  try {
    sending = Promise.resolve(environment.network.send(request));
  } catch (error) {
    sending = Promise.reject(error);
  }
  const finished = sending.then(
    (response): NetworkOutcome => ({ isAnswered: true, response: normaliseResponse(response) }),
    (error: unknown): NetworkOutcome => ({
      isAnswered: false,
      reason: isTimeout(error) ? 'timed_out' : 'failed',
    }),
  );
  void environment.track(finished.then(then));
}

function normaliseResponse(response: HttpResponse): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response?.headers ?? {})) {
    if (name !== '__proto__') headers[name.toLowerCase()] = String(value);
  }
  return {
    statusCode: typeof response?.statusCode === 'number' ? response.statusCode : 0,
    headers,
    body: typeof response?.body === 'string' ? response.body : '',
  };
}

/** Runs a sandbox callback later, through the environment's task queue, when it is a function. */
export function callBackLater(
  environment: ApiEnvironment,
  callback: unknown,
  ...args: unknown[]
): void {
  if (typeof callback !== 'function') return;
  environment.schedule(() => {
    callback(...args);
  });
}
