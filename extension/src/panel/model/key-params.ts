import type { KeyParam } from './timeline-row.js';

const MAX_PARAMS = 5;
const MAX_TEXT = 40;

/** Parameters a tester looks for first, in this order, before any other. */
const FIRST_KEYS = ['value', 'currency', 'transaction_id', 'items', 'event_id', 'method'];

/** Keys that say nothing about the event itself. */
const SKIPPED_KEYS = new Set(['event', 'eventCallback', 'eventTimeout', 'ecommerce']);

/**
 * The few parameters a timeline row shows: the usual ecommerce ones first (looked up inside
 * `ecommerce` too), then the others in their own order, each as short text.
 */
export function keyParams(properties: Readonly<Record<string, unknown>>): KeyParam[] {
  const ecommerce = asRecord(properties['ecommerce']);
  const chosen: KeyParam[] = [];
  const seen = new Set<string>();
  const add = (key: string, value: unknown) => {
    if (seen.has(key) || chosen.length >= MAX_PARAMS || value === undefined) return;
    seen.add(key);
    chosen.push({ key, value: shortText(value) });
  };

  for (const key of FIRST_KEYS) add(key, ownValue(properties, key) ?? ownValue(ecommerce, key));
  for (const key of Object.keys(properties)) {
    if (SKIPPED_KEYS.has(key) || key.startsWith('gtm.')) continue;
    add(key, properties[key]);
  }
  return chosen;
}

/** A value as at most 40 characters of text: arrays by their length, objects as `{…}`. */
export function shortText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value !== null && typeof value === 'object') return '{…}';
  const text = typeof value === 'string' ? value : String(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function ownValue(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
