import type { HitEvent, SharedHitFields } from './collect-hit-types.js';
import { encodeCollectRequest } from './encode-collect-request.js';

export interface HitSenderOptions {
  endpoint: string;
  /** How long events wait for company before their request leaves. */
  batchDelayMs: number;
  /** Milliseconds since navigation start (`tfd`). */
  msSinceNavigation: () => number;
  /** Sends a POST; gtag uses `navigator.sendBeacon`, which survives leaving the page. */
  send: (url: string, body: string) => void;
}

export interface HitSender {
  /** Queues an event with the shared values it was fired under. */
  enqueue(shared: SharedHitFields, event: HitEvent): void;
  /** Sends what is queued now (the page is being hidden or left). */
  flush(): void;
}

/**
 * gtag's batching: events fired close together leave in one request, one body line each. A
 * request carries one set of shared values, so an event fired under other ones (consent was
 * just updated, a session started) sends the waiting batch first.
 */
export function createHitSender(options: HitSenderOptions): HitSender {
  let batch: { shared: SharedHitFields; key: string; events: HitEvent[] } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hitSequence = 0;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!batch) return;
    const { shared, events } = batch;
    batch = undefined;
    hitSequence += 1;
    const request = encodeCollectRequest(options.endpoint, shared, events, {
      hitSequence,
      msSinceNavigation: options.msSinceNavigation(),
    });
    options.send(request.url, request.body);
  };

  return {
    enqueue(shared, event) {
      const key = JSON.stringify(shared);
      if (batch && batch.key !== key) flush();
      batch ??= { shared, key, events: [] };
      batch.events.push(event);
      timer ??= setTimeout(flush, options.batchDelayMs);
    },
    flush,
  };
}
