import type { ApiDefinition } from '../contract.js';

/**
 * `JSON.parse(text)` → value, or undefined when the text is not JSON (GTM never throws here);
 * `JSON.stringify(value)` → text, or undefined for a cycle or a value JSON cannot hold.
 */
export const jsonApi: ApiDefinition = {
  name: 'JSON',
  contexts: ['web', 'server'],
  create: () => ({
    parse: (text) => {
      if (typeof text !== 'string') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    stringify: (value) => {
      try {
        return JSON.stringify(value) as string | undefined;
      } catch {
        return undefined;
      }
    },
  }),
};
