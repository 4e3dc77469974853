import { cleanText } from './clean-text.js';

/** Values sites send when their event ID variable is empty or broken. */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '',
  'undefined',
  'null',
  'NaN',
  '[object Object]',
]);

/** Longest event ID kept as sent; longer ones are hashed to keep the key column small. */
const MAX_EXPLICIT_LENGTH = 128;

/**
 * The event ID a hit carries itself (`ep.event_id`, sGTM `event_id`), the key that joins a
 * GA4 copy, a mirror copy and a server copy of the same event. Undefined when there is none or
 * it is a placeholder such as `undefined`, which would otherwise merge unrelated events.
 */
export function explicitEventId(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') {
    return undefined;
  }
  const trimmed = text.trim();
  if (PLACEHOLDERS.has(trimmed) || trimmed.length > MAX_EXPLICIT_LENGTH) {
    return undefined;
  }
  return cleanText(trimmed);
}
