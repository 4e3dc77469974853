import type { ApiDefinition } from '../contract.js';
import { gtmInteger, gtmNumber, gtmString } from './gtm-conversions.js';

/** `makeInteger(value)`: a number with its fraction dropped toward zero (`'12.7'` → 12, `'x'` → NaN). */
export const makeIntegerApi: ApiDefinition = {
  name: 'makeInteger',
  contexts: ['web', 'server'],
  create: () => (value) => gtmInteger(value),
};

/** `makeNumber(value)`: JavaScript's `Number()` (`''` → 0, `'1e3'` → 1000, objects → NaN). */
export const makeNumberApi: ApiDefinition = {
  name: 'makeNumber',
  contexts: ['web', 'server'],
  create: () => (value) => gtmNumber(value),
};

/** `makeString(value)`: JavaScript's `String()` (`null` → 'null', `[1, 2]` → '1,2'). */
export const makeStringApi: ApiDefinition = {
  name: 'makeString',
  contexts: ['web', 'server'],
  create: () => (value) => gtmString(value),
};
