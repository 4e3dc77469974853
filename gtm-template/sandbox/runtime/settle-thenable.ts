import type { Realm } from './realm.js';
import type { DrainOutcome } from './scheduler.js';

/**
 * What a server variable's returned promise settles to (reference §2.1: server variables may
 * return a promise). Works for the sandbox's own promises, which settle on the realm's task
 * queue, and for host promises alike; a rejection is recorded as the run's error.
 */
export async function settleThenable(
  realm: Realm,
  value: unknown,
): Promise<{ value: unknown; drain?: DrainOutcome }> {
  const then = thenOf(value);
  if (then === undefined) return { value };

  let settled: { value: unknown } | undefined;
  const onFulfilled = (result: unknown) => void (settled ??= { value: result });
  const onRejected = (reason: unknown) => {
    settled ??= { value: undefined };
    realm.report(
      realm.machine.error('api', `the returned promise was rejected: ${describe(reason)}`),
    );
  };
  const chained = then.call(value, onFulfilled, onRejected);
  if (chained instanceof Promise) realm.scheduler.track(chained);
  const drain = await realm.scheduler.drain();
  if (settled === undefined) {
    realm.report(realm.machine.error('api', 'the returned promise never settled'));
    return { value: undefined, drain };
  }
  const next =
    thenOf(settled.value) === undefined ? settled : await settleThenable(realm, settled.value);
  return { value: next.value, drain };
}

function thenOf(value: unknown): ((...args: unknown[]) => unknown) | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
    return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(value, 'then');
  if (descriptor && typeof descriptor.value === 'function')
    return descriptor.value as (...args: unknown[]) => unknown;
  return value instanceof Promise ? (value.then as (...args: unknown[]) => unknown) : undefined;
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
}
