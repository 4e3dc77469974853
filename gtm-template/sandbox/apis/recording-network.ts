import type { HttpResponse, NetworkPort, OutgoingRequest } from '../contract.js';
import { NetworkFailureError, NetworkTimeoutError } from './network-errors.js';

/** How the recorder answers one URL: a response, a failure, or an answer slower than the timeout. */
export interface RecordedAnswer {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Reject as a network failure (DNS, refused connection…). */
  fails?: boolean;
  /** How long the answer takes; longer than the request's `timeoutMs` rejects as a timeout. No real time passes. */
  latencyMs?: number;
}

/** A NetworkPort for tests: records every request, never touches the network. */
export interface RecordingNetwork extends NetworkPort {
  readonly requests: OutgoingRequest[];
  /** Answers requests whose URL starts with `urlPrefix` (the longest matching prefix wins). */
  answer(urlPrefix: string, answer: RecordedAnswer): void;
}

/** A recorder answering 200 with an empty body unless told otherwise per URL prefix. */
export function createRecordingNetwork(defaultAnswer: RecordedAnswer = {}): RecordingNetwork {
  const requests: OutgoingRequest[] = [];
  const answers = new Map<string, RecordedAnswer>();
  const pick = (url: string): RecordedAnswer => {
    const prefixes = [...answers.keys()].filter((prefix) => url.startsWith(prefix));
    const longest = prefixes.sort((left, right) => right.length - left.length)[0];
    return longest === undefined ? defaultAnswer : (answers.get(longest) ?? defaultAnswer);
  };
  return {
    requests,
    answer(urlPrefix, answer) {
      answers.set(urlPrefix, answer);
    },
    send(request): Promise<HttpResponse> {
      requests.push(structuredClone(request));
      const answer = pick(request.url);
      if (answer.fails === true)
        return Promise.reject(
          new NetworkFailureError(request.url, 'the recorder was told to fail'),
        );
      const timeoutMs = request.timeoutMs;
      if (timeoutMs !== undefined && (answer.latencyMs ?? 0) > timeoutMs) {
        return Promise.reject(new NetworkTimeoutError(request.url, timeoutMs));
      }
      return Promise.resolve({
        statusCode: answer.statusCode ?? 200,
        headers: { ...answer.headers },
        body: answer.body ?? '',
      });
    },
  };
}
