import type { ApiDefinition, HostFunction } from '../contract.js';
import { gtmNumber } from './gtm-conversions.js';

// Arguments go through makeNumber first: native Math would call valueOf on a sandbox record.
const numeric =
  (operation: (...values: number[]) => number): HostFunction =>
  (...args) =>
    operation(...args.map(gtmNumber));

/** `Math`: only abs, ceil, floor, round, max, min, pow and sqrt (reference notes §3.1). */
export const mathApi: ApiDefinition = {
  name: 'Math',
  contexts: ['web', 'server'],
  create: () => ({
    abs: numeric((value = Number.NaN) => Math.abs(value)),
    ceil: numeric((value = Number.NaN) => Math.ceil(value)),
    floor: numeric((value = Number.NaN) => Math.floor(value)),
    round: numeric((value = Number.NaN) => Math.round(value)),
    max: numeric((...values) => Math.max(...values)),
    min: numeric((...values) => Math.min(...values)),
    pow: numeric((base = Number.NaN, exponent = Number.NaN) => base ** exponent),
    sqrt: numeric((value = Number.NaN) => Math.sqrt(value)),
  }),
};
