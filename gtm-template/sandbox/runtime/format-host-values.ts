/**
 * Log arguments as one line, the way a console prints them: strings as they are, everything
 * else as JSON (functions and values JSON cannot show by their type).
 */
export function formatHostValues(values: readonly unknown[]): string {
  return values.map(formatOne).join(' ');
}

function formatOne(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'function';
  try {
    return (
      JSON.stringify(value, (_key, inner: unknown) =>
        typeof inner === 'function' ? 'function' : inner,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
