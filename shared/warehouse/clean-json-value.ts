import { setEntry } from '../text/set-entry.js';
import { cleanText } from './clean-text.js';

/**
 * A copy of plain JSON data with every string (keys included) passed through `cleanText`, for
 * free-form values such as the consent object that go to JSON columns.
 */
export function cleanJsonValue<Value>(value: Value): Value {
  return cleanAny(value) as Value;
}

function cleanAny(value: unknown): unknown {
  if (typeof value === 'string') {
    return cleanText(value);
  }
  if (Array.isArray(value)) {
    return value.map(cleanAny);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    setEntry(copy, cleanText(key), cleanAny(entry));
  }
  return copy;
}
