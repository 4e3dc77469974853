import { describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '../../gtm-template/sandbox/contract.js';
import { sandboxPromiseState } from '../../gtm-template/sandbox/apis/sandbox-promise.js';
import { createApiTestEnvironment } from './api-test-environment.js';

type Fn = (...args: unknown[]) => unknown;
interface PromiseLike {
  then: (onFulfilled?: unknown, onRejected?: unknown) => PromiseLike;
  catch: (onRejected: unknown) => PromiseLike;
  finally: (onFinally: unknown) => PromiseLike;
}
interface PromiseApi {
  create: (resolver: unknown) => PromiseLike;
  all: (values: unknown) => PromiseLike;
}

function setup() {
  const harness = createApiTestEnvironment({ context: 'server' });
  return {
    harness,
    Promise: harness.api<PromiseApi>('Promise'),
    callLater: harness.api('callLater'),
  };
}

/** A copy of a promise as the interpreter hands it back: a new object with the same functions. */
function copied(promise: PromiseLike): PromiseLike {
  return { then: promise.then, catch: promise.catch, finally: promise.finally };
}

describe('the sandbox Promise', () => {
  it('resolves through a chain of then before a callLater queued after it', async () => {
    const { harness, Promise, callLater } = setup();
    const order: unknown[] = [];
    Promise.create((resolve: Fn) => resolve(1))
      .then((value: number) => value + 1)
      .then((value: number) => order.push(`chain ${value}`));
    callLater(() => order.push('callLater'));
    expect(order).toEqual([]);
    await harness.drain();
    expect(order).toEqual(['chain 2', 'callLater']);
  });

  it('rejects into catch, then recovers, and runs finally with the value passing through', async () => {
    const { harness, Promise } = setup();
    const seen: unknown[] = [];
    Promise.create((_resolve: Fn, reject: Fn) => reject({ reason: 'failed' }))
      .then(() => seen.push('skipped'))
      .catch((error: unknown) => {
        seen.push(error);
        return 'recovered';
      })
      .finally(() => seen.push('finally'))
      .then((value: unknown) => seen.push(value));
    await harness.drain();
    expect(seen).toEqual([{ reason: 'failed' }, 'finally', 'recovered']);
  });

  it('settles once: later resolve or reject calls change nothing', async () => {
    const { harness, Promise } = setup();
    const seen: unknown[] = [];
    Promise.create((resolve: Fn, reject: Fn) => {
      resolve('first');
      resolve('second');
      reject('third');
    }).then(
      (value: unknown) => seen.push(value),
      (reason: unknown) => seen.push(`rejected ${String(reason)}`),
    );
    await harness.drain();
    expect(seen).toEqual(['first']);
  });

  it('adopts a promise returned from then, even a copy of it', async () => {
    const { harness, Promise } = setup();
    const seen: unknown[] = [];
    const inner = Promise.create((resolve: Fn) => resolve('inner'));
    Promise.create((resolve: Fn) => resolve(copied(inner)))
      .then(() => copied(Promise.create((resolve: Fn) => resolve('nested'))))
      .then((value: unknown) => seen.push(value));
    await harness.drain();
    expect(seen).toEqual(['nested']);
  });

  it('gathers values with all, in order, and rejects with the first rejection', async () => {
    const { harness, Promise } = setup();
    const seen: unknown[] = [];
    const slow = Promise.create((resolve: Fn) => resolve('a'));
    Promise.all([slow, 'b', copied(Promise.create((resolve: Fn) => resolve('c')))]).then(
      (values: unknown) => seen.push(values),
    );
    Promise.all([]).then((values: unknown) => seen.push(values));
    Promise.all([slow, Promise.create((_resolve: Fn, reject: Fn) => reject('nope'))]).catch(
      (reason: unknown) => seen.push(`rejected ${String(reason)}`),
    );
    Promise.all('not an array').catch((reason: unknown) => seen.push(reason));
    await harness.drain();
    expect(seen).toContainEqual(['a', 'b', 'c']);
    expect(seen).toContainEqual([]);
    expect(seen).toContain('rejected nope');
    expect(seen).toContain('Promise.all needs an array.');
  });

  it('turns an error thrown by a resolver or a callback into a rejection, logging denials', async () => {
    const { harness, Promise } = setup();
    const seen: unknown[] = [];
    const denial = new PermissionDeniedError('sendHttpGet', 'send_http', 'sendHttpGet: denied');
    Promise.create(() => {
      throw denial;
    }).catch((reason: unknown) => seen.push(reason));
    Promise.create((resolve: Fn) => resolve(1))
      .then(() => {
        throw new Error('boom');
      })
      .catch((reason: Error) => seen.push(reason.message));
    await harness.drain();
    expect(seen).toEqual([denial, 'boom']);
    expect(harness.logs).toContainEqual({ level: 'error', values: ['sendHttpGet: denied'] });
  });

  it('rejects a promise resolved with itself', async () => {
    const { harness, Promise } = setup();
    const seen: unknown[] = [];
    let resolveLater: Fn = () => undefined;
    const promise = Promise.create((resolve: Fn) => {
      resolveLater = resolve;
    });
    resolveLater(promise);
    promise.catch((reason: unknown) => seen.push(reason));
    await harness.drain();
    expect(seen).toEqual(['A promise cannot resolve to itself.']);
  });

  it('tells the runner how a returned promise stands', async () => {
    const { harness, Promise } = setup();
    let resolveLater: Fn = () => undefined;
    const promise = Promise.create((resolve: Fn) => {
      resolveLater = resolve;
    });
    expect(sandboxPromiseState(copied(promise))).toBe('pending');
    resolveLater('value');
    await harness.drain();
    expect(sandboxPromiseState(copied(promise))).toEqual({ status: 'fulfilled', value: 'value' });
    expect(sandboxPromiseState({ then: () => undefined })).toBeUndefined();
    expect(sandboxPromiseState('text')).toBeUndefined();
  });

  it('rejects when create gets no function', async () => {
    const { harness, Promise } = setup();
    const seen: unknown[] = [];
    Promise.create('nope').catch((reason: unknown) => seen.push(reason));
    await harness.drain();
    expect(seen).toEqual(['Promise.create needs a function.']);
  });

  it('does not exist in a web container', () => {
    expect(() => createApiTestEnvironment().api('Promise')).toThrow(
      'No Promise API in a web container.',
    );
  });
});
