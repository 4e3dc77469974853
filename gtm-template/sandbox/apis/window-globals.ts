import type { ApiDefinition } from '../contract.js';
import { copyHostValue } from './copy-host-value.js';
import { readPath, writePath } from './dotted-path.js';
import { webWorldOf } from './world-of.js';

/** `copyFromWindow(key)` → a deep copy of `window.<key>` (dotted paths allowed, §2.5). */
export const copyFromWindowApi: ApiDefinition = {
  name: 'copyFromWindow',
  contexts: ['web'],
  create: (environment) => (key) => {
    environment.permissions.assert('copyFromWindow', 'access_globals', 'read', key);
    if (typeof key !== 'string') return undefined;
    return copyHostValue(readPath(webWorldOf(environment).window, key).value);
  },
};

/**
 * `setInWindow(key, value, overrideExisting = false)` → true when written. An existing value
 * is kept unless `overrideExisting`. Needs readwrite access whatever the third argument (§1.5).
 */
export const setInWindowApi: ApiDefinition = {
  name: 'setInWindow',
  contexts: ['web'],
  create: (environment) => (key, value, overrideExisting) => {
    environment.permissions.assert('setInWindow', 'access_globals', 'readwrite', key);
    if (typeof key !== 'string') return false;
    return writePath(webWorldOf(environment).window, key, value, overrideExisting === true);
  },
};

/**
 * `callInWindow(path, ...args)` → what the page function returns, copied (unmappable values
 * become undefined). The function runs with its holder as `this`. A path that is not a
 * function, or a function that throws, gives undefined with a warning in the log.
 */
export const callInWindowApi: ApiDefinition = {
  name: 'callInWindow',
  contexts: ['web'],
  create:
    (environment) =>
    (path, ...args) => {
      environment.permissions.assert('callInWindow', 'access_globals', 'execute', path);
      if (typeof path !== 'string') return undefined;
      const { value, holder } = readPath(webWorldOf(environment).window, path);
      if (typeof value !== 'function') {
        environment.log('warn', [`callInWindow: window.${path} is not a function.`]);
        return undefined;
      }
      try {
        return copyHostValue(Reflect.apply(value, holder, args));
      } catch (error) {
        environment.log('warn', [
          `callInWindow: window.${path} threw: ${error instanceof Error ? error.message : 'an error'}`,
        ]);
        return undefined;
      }
    },
};

/**
 * `aliasInWindow(toPath, fromPath)` → true when `window.<toPath>` now refers to the value at
 * `window.<fromPath>` (the same value, not a copy). Needs write on toPath and read on fromPath.
 */
export const aliasInWindowApi: ApiDefinition = {
  name: 'aliasInWindow',
  contexts: ['web'],
  create: (environment) => (toPath, fromPath) => {
    environment.permissions.assert('aliasInWindow', 'access_globals', 'write', toPath);
    environment.permissions.assert('aliasInWindow', 'access_globals', 'read', fromPath);
    if (typeof toPath !== 'string' || typeof fromPath !== 'string') return false;
    const window = webWorldOf(environment).window;
    const { value } = readPath(window, fromPath);
    if (value === undefined) return false;
    return writePath(window, toPath, value, true);
  },
};
