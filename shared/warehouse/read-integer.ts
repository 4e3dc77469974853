import { parseWireNumber } from '../text/parse-wire-number.js';

/** A whole number from a number or its text (`"1766755460"`), or null. */
export function readInteger(value: unknown): number | null {
  const number = typeof value === 'string' ? parseWireNumber(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : null;
}

/** A finite number from a number or its text, or null. */
export function readFiniteNumber(value: unknown): number | null {
  const number = typeof value === 'string' ? parseWireNumber(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}
