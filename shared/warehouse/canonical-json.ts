/**
 * JSON text with object keys sorted at every depth, so equal data always gives equal text,
 * whatever order a client built it in. Values JSON cannot carry are written as JSON.stringify
 * writes them (dropped in objects, null in arrays); cycles are cut.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set()) ?? 'null';
}

function write(value: unknown, seen: Set<object>): string | undefined {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? JSON.stringify(value.toString()) : JSON.stringify(value);
  }
  if (seen.has(value)) {
    return '"[cycle]"';
  }
  seen.add(value);
  const text = Array.isArray(value)
    ? `[${value.map((entry) => write(entry, seen) ?? 'null').join(',')}]`
    : writeObject(value as Record<string, unknown>, seen);
  seen.delete(value);
  return text;
}

function writeObject(record: Record<string, unknown>, seen: Set<object>): string {
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = write(record[key], seen);
    if (text !== undefined) {
      parts.push(`${JSON.stringify(key)}:${text}`);
    }
  }
  return `{${parts.join(',')}}`;
}
