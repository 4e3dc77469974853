import type { ApiDefinition } from '../contract.js';

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/**
 * `Object.keys/values/entries(value)` (own enumerable string keys; [] for anything not an
 * object or array), `Object.freeze(value)` and `Object.delete(value, key)`, which stands in for
 * the sandbox's missing `delete` operator. freeze and delete act on the object they are given:
 * the interpreter must hand them the sandbox object itself, not a copy.
 */
export const objectApi: ApiDefinition = {
  name: 'Object',
  contexts: ['web', 'server'],
  create: () => ({
    keys: (value) => (isContainer(value) ? Object.keys(value) : []),
    values: (value) =>
      isContainer(value)
        ? Object.keys(value).map((key) => (value as Record<string, unknown>)[key])
        : [],
    entries: (value) =>
      isContainer(value)
        ? Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]])
        : [],
    freeze: (value) => (isContainer(value) ? Object.freeze(value) : value),
    delete: (value, key) => {
      if (!isContainer(value) || typeof key !== 'string') return false;
      return Reflect.deleteProperty(value, key);
    },
  }),
};
