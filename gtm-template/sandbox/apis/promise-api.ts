import type { ApiDefinition, ApiEnvironment } from '../contract.js';
import {
  createDeferred,
  rejectedPromise,
  reportDenial,
  type SandboxPromise,
} from './sandbox-promise.js';

/**
 * `Promise.create(resolver(resolve, reject))` and `Promise.all(values)`; promises answer
 * `then`, `catch` and `finally` (reference notes §3.2). An error thrown by the resolver rejects
 * the promise.
 */
export const promiseApi: ApiDefinition = {
  name: 'Promise',
  contexts: ['server'],
  create: (environment) => ({
    create: (resolver) => {
      const deferred = createDeferred(environment);
      if (typeof resolver !== 'function') {
        deferred.reject('Promise.create needs a function.');
        return deferred.promise;
      }
      try {
        resolver(deferred.resolve, deferred.reject);
      } catch (error) {
        reportDenial(environment, error);
        deferred.reject(error);
      }
      return deferred.promise;
    },
    all: (values) => allOf(environment, values),
  }),
};

function allOf(environment: ApiEnvironment, values: unknown): SandboxPromise {
  if (!Array.isArray(values)) return rejectedPromise(environment, 'Promise.all needs an array.');
  const deferred = createDeferred(environment);
  const results: unknown[] = new Array(values.length).fill(undefined);
  let remaining = values.length;
  if (remaining === 0) deferred.resolve(results);
  values.forEach((value, index) => {
    const single = createDeferred(environment);
    single.resolve(value);
    single.promise.then(
      (result: unknown) => {
        results[index] = result;
        remaining -= 1;
        if (remaining === 0) deferred.resolve(results);
      },
      (reason: unknown) => deferred.reject(reason),
    );
  });
  return deferred.promise;
}
