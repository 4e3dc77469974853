import type { PageRequestRecord } from '../common/page-record.js';
import type { FunctionMask } from './create-function-mask.js';
import type { RequestRecorder } from './create-request-recorder.js';
import { replaceMethod } from './create-function-mask.js';
import { callMethod, describeThrown, intrinsics } from './page-intrinsics.js';
import { PendingText } from './read-body.js';

/**
 * Wraps `window.fetch`: an analytics request is recorded (URL, method, body) before the
 * browser's fetch runs, and the page gets the browser's own promise back, with the same
 * `this` and arguments. The promise is not observed: attaching a handler would mark a
 * rejection the page leaves unhandled as handled. Status codes come from `webRequest`.
 */
export function wrapFetch(
  scope: typeof globalThis,
  mask: FunctionMask,
  recorder: RequestRecorder,
): void {
  const nativeFetch = scope.fetch;
  if (typeof nativeFetch !== 'function') return;
  const RequestClass = scope.Request;
  const requestUrl = intrinsics.getOwnPropertyDescriptor(RequestClass.prototype, 'url')?.get;
  const requestMethod = intrinsics.getOwnPropertyDescriptor(RequestClass.prototype, 'method')?.get;
  const requestClone = RequestClass.prototype.clone;
  const requestText = RequestClass.prototype.text;

  const recordCall = (input: unknown, init: unknown): PageRequestRecord | undefined => {
    const options = typeof init === 'object' && init !== null ? (init as RequestInit) : undefined;
    if (!(input instanceof RequestClass)) {
      return recorder.record('fetch', String(options?.method ?? 'GET'), input, options?.body);
    }
    const url = callMethod<string>(requestUrl, input);
    const method = String(options?.method ?? callMethod<string>(requestMethod, input));
    const body = options?.body ?? requestBody(input, method);
    return recorder.recordResolved('fetch', method, url, body);
  };

  const requestBody = (request: Request, method: string): unknown => {
    if (method === 'GET' || method === 'HEAD') return undefined;
    // A clone leaves the page's request unread; its text arrives later, as a blob's would.
    const clone = callMethod<Request>(requestClone, request);
    return new PendingText(callMethod<Promise<string>>(requestText, clone));
  };

  const wrapper = {
    fetch(this: unknown, ...args: unknown[]): unknown {
      let record: PageRequestRecord | undefined;
      try {
        record = recordCall(args[0], args[1]);
      } catch {
        record = undefined;
      }
      try {
        return callMethod(nativeFetch, this, args);
      } catch (error) {
        if (record !== undefined) record.threw = describeThrown(error);
        throw error;
      }
    },
  }.fetch;
  mask.disguise(wrapper, nativeFetch);
  replaceMethod(scope, 'fetch', wrapper);
}
