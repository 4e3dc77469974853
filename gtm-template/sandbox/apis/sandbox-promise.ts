import { PermissionDeniedError, type ApiEnvironment, type HostFunction } from '../contract.js';
import { enqueueReaction } from './reaction-queue.js';

/** A promise as sandboxed code holds it: a plain object of three host functions. */
export interface SandboxPromise {
  then: HostFunction;
  catch: HostFunction;
  finally: HostFunction;
}

/** How a sandbox promise ended. */
export type Settlement =
  { status: 'fulfilled'; value: unknown } | { status: 'rejected'; reason: unknown };

interface PromiseRecord {
  settlement: Settlement | undefined;
  reactions: Array<(settlement: Settlement) => void>;
}

/** A sandbox promise with the two functions that settle it. */
export interface Deferred {
  promise: SandboxPromise;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

// Keyed by the promise's `then`: the interpreter copies the object itself at the boundary but
// hands a host function back out as the same function, so `then` identifies the promise.
const records = new WeakMap<HostFunction, PromiseRecord>();

/**
 * Creates a pending sandbox promise. Reactions run on the environment's reaction queue (see
 * reaction-queue.ts), after the current code and before later `callLater` tasks, as promise
 * callbacks run before timers in GTM's JavaScript host. Resolving with any thenable (a sandbox
 * promise copied across the boundary included) adopts its outcome.
 */
export function createDeferred(environment: ApiEnvironment): Deferred {
  const record: PromiseRecord = { settlement: undefined, reactions: [] };
  const settle = (settlement: Settlement) => {
    if (record.settlement !== undefined) return;
    record.settlement = settlement;
    for (const reaction of record.reactions.splice(0))
      enqueueReaction(environment, () => reaction(settlement));
  };
  const promise = buildPromise(environment, (reaction) =>
    subscribeRecord(environment, record, reaction),
  );
  records.set(promise.then, record);
  let isResolving = false;
  const resolve = (value: unknown) => {
    if (isResolving) return;
    isResolving = true;
    adopt(environment, value, promise, settle);
  };
  const reject = (reason: unknown) => {
    if (isResolving) return;
    isResolving = true;
    settle({ status: 'rejected', reason });
  };
  return { promise, resolve, reject };
}

function subscribeRecord(
  environment: ApiEnvironment,
  record: PromiseRecord,
  reaction: (settlement: Settlement) => void,
): void {
  const settlement = record.settlement;
  if (settlement === undefined) record.reactions.push(reaction);
  else enqueueReaction(environment, () => reaction(settlement));
}

function adopt(
  environment: ApiEnvironment,
  value: unknown,
  self: SandboxPromise,
  settle: (settlement: Settlement) => void,
): void {
  const then = thenOf(value);
  if (then === undefined) return settle({ status: 'fulfilled', value });
  if (then === self.then)
    return settle({ status: 'rejected', reason: 'A promise cannot resolve to itself.' });
  const own = records.get(then);
  if (own !== undefined) return subscribeRecord(environment, own, settle);
  let isDone = false;
  const once =
    <Value>(step: (value: Value) => void) =>
    (value: Value) => {
      if (isDone) return;
      isDone = true;
      step(value);
    };
  const onFulfilled = once((result: unknown) => adopt(environment, result, self, settle));
  const onRejected = once((reason: unknown) => settle({ status: 'rejected', reason }));
  try {
    then(onFulfilled, onRejected);
  } catch (error) {
    onRejected(error);
  }
}

function thenOf(value: unknown): HostFunction | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
    return undefined;
  try {
    const then = (value as { then?: unknown }).then;
    return typeof then === 'function' ? (then as HostFunction) : undefined;
  } catch {
    return undefined;
  }
}

function buildPromise(
  environment: ApiEnvironment,
  subscribe: (reaction: (settlement: Settlement) => void) => void,
): SandboxPromise {
  const then: HostFunction = (onFulfilled, onRejected) => {
    const derived = createDeferred(environment);
    subscribe((settlement) => {
      const handler = settlement.status === 'fulfilled' ? onFulfilled : onRejected;
      if (typeof handler !== 'function') return passOn(derived, settlement);
      runHandler(environment, derived, () =>
        handler(settlement.status === 'fulfilled' ? settlement.value : settlement.reason),
      );
    });
    return derived.promise;
  };
  const finallyFunction: HostFunction = (onFinally) => {
    const derived = createDeferred(environment);
    subscribe((settlement) => {
      if (typeof onFinally !== 'function') return passOn(derived, settlement);
      const waiting = createDeferred(environment);
      runHandler(environment, waiting, () => onFinally());
      const waitingRecord = records.get(waiting.promise.then);
      if (waitingRecord === undefined) return passOn(derived, settlement);
      subscribeRecord(environment, waitingRecord, (after) =>
        after.status === 'rejected' ? derived.reject(after.reason) : passOn(derived, settlement),
      );
    });
    return derived.promise;
  };
  return { then, catch: (onRejected) => then(undefined, onRejected), finally: finallyFunction };
}

function passOn(derived: Deferred, settlement: Settlement): void {
  if (settlement.status === 'fulfilled') derived.resolve(settlement.value);
  else derived.reject(settlement.reason);
}

/**
 * Runs a sandbox callback and settles `derived` with what it returns. An error becomes a
 * rejection, as in JavaScript; a permission denial is also logged, so a test that never
 * catches the promise still shows why the template stopped.
 */
export function runHandler(
  environment: ApiEnvironment,
  derived: Deferred,
  handler: () => unknown,
): void {
  try {
    derived.resolve(handler());
  } catch (error) {
    reportDenial(environment, error);
    derived.reject(error);
  }
}

/** Logs a permission denial that is about to become a promise rejection. */
export function reportDenial(environment: ApiEnvironment, error: unknown): void {
  if (error instanceof PermissionDeniedError) environment.log('error', [error.message]);
}

/** A sandbox promise already fulfilled with `value` (or adopting it, when it is a thenable). */
export function resolvedPromise(environment: ApiEnvironment, value: unknown): SandboxPromise {
  const deferred = createDeferred(environment);
  deferred.resolve(value);
  return deferred.promise;
}

/** A sandbox promise already rejected with `reason`. */
export function rejectedPromise(environment: ApiEnvironment, reason: unknown): SandboxPromise {
  const deferred = createDeferred(environment);
  deferred.reject(reason);
  return deferred.promise;
}

/**
 * How a sandbox promise (or its copy from across the boundary) stands: its settlement, or
 * `pending`; undefined when the value is not a sandbox promise. For the runner, which reads
 * what a server variable returned.
 */
export function sandboxPromiseState(value: unknown): Settlement | 'pending' | undefined {
  const then = thenOf(value);
  const record = then === undefined ? undefined : records.get(then);
  if (record === undefined) return undefined;
  return record.settlement ?? 'pending';
}

/** True when `value` is a sandbox promise made here (or its copy). */
export function isSandboxPromise(value: unknown): boolean {
  return sandboxPromiseState(value) !== undefined;
}
