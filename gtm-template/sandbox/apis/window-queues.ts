import type { ApiDefinition, HostFunction } from '../contract.js';
import { readPath, writePath } from './dotted-path.js';
import { webWorldOf } from './world-of.js';

type Window = Record<string, unknown>;

/**
 * Pushes onto the queue at `key` as the page would: through the array's own `push` (gtm.js
 * replaces `dataLayer.push` with its handler), read when the push happens.
 */
function pushOnto(window: Window, key: string, values: unknown[]): void {
  const { value: queue } = readPath(window, key);
  if (queue === null || typeof queue !== 'object') return;
  const push = (queue as { push?: unknown }).push;
  if (typeof push === 'function') Reflect.apply(push, queue, values);
}

/** `createQueue(arrayKey)` → a function pushing its arguments onto `window.<arrayKey>` (created when missing). */
export const createQueueApi: ApiDefinition = {
  name: 'createQueue',
  contexts: ['web'],
  create: (environment) => (arrayKey) => {
    environment.permissions.assert('createQueue', 'access_globals', 'readwrite', arrayKey);
    if (typeof arrayKey !== 'string') return undefined;
    const window = webWorldOf(environment).window;
    writePath(window, arrayKey, [], false);
    const push: HostFunction = (...values) => {
      pushOnto(window, arrayKey, values);
    };
    return push;
  },
};

/** The `arguments` object of a call, as gtag's `function gtag(){dataLayer.push(arguments)}` pushes it. */
function argumentsOf(values: unknown[]): IArguments {
  const collect = function (..._values: unknown[]): IArguments {
    // eslint-disable-next-line prefer-rest-params -- the arguments object itself is the point
    return arguments;
  };
  return collect(...values);
}

/**
 * `createArgumentsQueue(fnKey, arrayKey)`: creates `window.<arrayKey>` (an array) and, when
 * missing, `window.<fnKey>`, a function pushing its `arguments` object onto it, gtag style.
 * Returns a function calling `window.<fnKey>` with its arguments. Needs readwrite on both keys.
 */
export const createArgumentsQueueApi: ApiDefinition = {
  name: 'createArgumentsQueue',
  contexts: ['web'],
  create: (environment) => (fnKey, arrayKey) => {
    environment.permissions.assert('createArgumentsQueue', 'access_globals', 'readwrite', fnKey);
    environment.permissions.assert('createArgumentsQueue', 'access_globals', 'readwrite', arrayKey);
    if (typeof fnKey !== 'string' || typeof arrayKey !== 'string') return undefined;
    const window = webWorldOf(environment).window;
    writePath(window, arrayKey, [], false);
    const queueFunction = (...values: unknown[]) =>
      pushOnto(window, arrayKey, [argumentsOf(values)]);
    writePath(window, fnKey, queueFunction, false);
    const call: HostFunction = (...values) => {
      const { value, holder } = readPath(window, fnKey);
      if (typeof value === 'function') Reflect.apply(value, holder, values);
    };
    return call;
  },
};
