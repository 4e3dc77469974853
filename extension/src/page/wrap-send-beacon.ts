import type { PageRequestRecord } from '../common/page-record.js';
import type { FunctionMask } from './create-function-mask.js';
import { replaceMethod } from './create-function-mask.js';
import type { RequestRecorder } from './create-request-recorder.js';
import { callMethod, describeThrown } from './page-intrinsics.js';

/**
 * Wraps `Navigator.prototype.sendBeacon`, the transport gtag uses for batched GA4 hits and the
 * one whose body Chrome's `webRequest` long withheld (extension landscape §2.6). Records the
 * beacon and whether the browser queued it; the page gets the browser's answer unchanged.
 */
export function wrapSendBeacon(
  scope: typeof globalThis,
  mask: FunctionMask,
  recorder: RequestRecorder,
): void {
  const prototype = scope.Navigator?.prototype;
  const nativeSendBeacon = prototype?.sendBeacon;
  if (typeof nativeSendBeacon !== 'function') return;

  const wrapper = {
    sendBeacon(this: unknown, ...args: unknown[]): unknown {
      let record: PageRequestRecord | undefined;
      try {
        record = recorder.record('beacon', 'POST', args[0], args[1]);
      } catch {
        record = undefined;
      }
      try {
        const queued = callMethod(nativeSendBeacon, this, args);
        if (record !== undefined) record.queued = queued === true;
        return queued;
      } catch (error) {
        if (record !== undefined) record.threw = describeThrown(error);
        throw error;
      }
    },
  }.sendBeacon;
  mask.disguise(wrapper, nativeSendBeacon);
  replaceMethod(prototype, 'sendBeacon', wrapper);
}
