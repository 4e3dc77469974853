import type { FunctionMask } from './create-function-mask.js';
import { replaceMethod } from './create-function-mask.js';
import type { RequestRecorder } from './create-request-recorder.js';
import { callMethod, describeThrown, weakGet, weakSet } from './page-intrinsics.js';

interface OpenedRequest {
  method: string;
  url: unknown;
}

/**
 * Wraps `XMLHttpRequest.prototype.open` and `send`: `open` remembers the method and URL of
 * each request object (after the browser accepted them), and `send` records an analytics
 * request with its body before the browser sends it. Arguments go through as they came,
 * so `open(method, url)` keeps its default of asynchronous.
 */
export function wrapXhr(
  scope: typeof globalThis,
  mask: FunctionMask,
  recorder: RequestRecorder,
): void {
  const prototype = scope.XMLHttpRequest?.prototype;
  const nativeOpen = prototype?.open;
  const nativeSend = prototype?.send;
  if (typeof nativeOpen !== 'function' || typeof nativeSend !== 'function') return;
  const opened = new WeakMap<object, OpenedRequest>();

  const open = {
    open(this: object, ...args: unknown[]): unknown {
      const result = callMethod(nativeOpen, this, args);
      try {
        weakSet(opened, this, { method: String(args[0]), url: args[1] });
      } catch {
        // The request still opened; it is only not captured.
      }
      return result;
    },
  }.open;

  const send = {
    send(this: object, ...args: unknown[]): unknown {
      let record: ReturnType<RequestRecorder['record']>;
      try {
        const request = weakGet(opened, this);
        record = request && recorder.record('xhr', request.method, request.url, args[0]);
      } catch {
        record = undefined;
      }
      try {
        return callMethod(nativeSend, this, args);
      } catch (error) {
        if (record !== undefined) record.threw = describeThrown(error);
        throw error;
      }
    },
  }.send;

  mask.disguise(open, nativeOpen);
  mask.disguise(send, nativeSend);
  replaceMethod(prototype, 'open', open);
  replaceMethod(prototype, 'send', send);
}
