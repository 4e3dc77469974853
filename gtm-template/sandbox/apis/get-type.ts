import type { ApiDefinition } from '../contract.js';
import { gtmTypeOf } from './gtm-conversions.js';

/** `getType(value)` → 'undefined' | 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'function'. */
export const getTypeApi: ApiDefinition = {
  name: 'getType',
  contexts: ['web', 'server'],
  create: () => (value) => gtmTypeOf(value),
};
