import { scanForPii } from '../pii/scan-for-pii.js';

/**
 * A value fit to repeat in a violation: numbers, booleans and null as they are; a string only
 * when it is short and holds no suspected personal data (otherwise its masked excerpt or its
 * length); objects and arrays by their type.
 */
export function safeActual(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (typeof value === 'object') return 'object';
  if (typeof value !== 'string') return typeof value;

  const finding = scanForPii(value)[0];
  if (finding) return finding.excerpt;
  if (value.length > 100) return `${value.slice(0, 40)}… (${value.length} characters)`;
  return value;
}

/** `safeActual` as text for a message: strings quoted. */
export function showValue(value: unknown): string {
  const shown = safeActual(value);
  return typeof shown === 'string' && typeof value === 'string'
    ? JSON.stringify(shown)
    : String(shown);
}
