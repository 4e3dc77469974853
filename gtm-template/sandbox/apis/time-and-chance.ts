import type { ApiDefinition } from '../contract.js';
import { callBackLater } from './send-through-network.js';

/**
 * `generateRandom(min, max)` → an integer from min to max, both included, drawn from the
 * environment's (seeded in tests) random source. Undefined when a bound is not a finite number.
 */
export const generateRandomApi: ApiDefinition = {
  name: 'generateRandom',
  contexts: ['web', 'server'],
  create: (environment) => (min, max) => {
    if (
      typeof min !== 'number' ||
      typeof max !== 'number' ||
      !Number.isFinite(min) ||
      !Number.isFinite(max)
    ) {
      return undefined;
    }
    const low = Math.ceil(Math.min(min, max));
    const high = Math.floor(Math.max(min, max));
    if (high < low) return undefined;
    return low + Math.floor(environment.random() * (high - low + 1));
  },
};

/** `getTimestampMillis()` → milliseconds since the epoch, from the environment's clock. */
export const getTimestampMillisApi: ApiDefinition = {
  name: 'getTimestampMillis',
  contexts: ['web', 'server'],
  create: (environment) => () => Math.floor(environment.now()),
};

/** `getTimestamp()`: the deprecated twin of getTimestampMillis, also in milliseconds. */
export const getTimestampApi: ApiDefinition = {
  name: 'getTimestamp',
  contexts: ['web', 'server'],
  create: (environment) => () => Math.floor(environment.now()),
};

/** `callLater(fn)`: runs `fn` after the current code, like `setTimeout(fn, 0)`. */
export const callLaterApi: ApiDefinition = {
  name: 'callLater',
  contexts: ['web', 'server'],
  create: (environment) => (callback) => {
    callBackLater(environment, callback);
  },
};
