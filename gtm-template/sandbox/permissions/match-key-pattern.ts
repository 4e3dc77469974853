/**
 * Key patterns of read_data_layer, write_data_layer and read_event_data (reference notes §1.5):
 * dotted paths where a last segment `*` allows the key before it and everything below it.
 * A published template reads `copyFromDataLayer('ecommerce')` with only `ecommerce.*` granted,
 * so the parent itself matches too. A lone `*` allows every key.
 */
export function matchesKeyPattern(key: string, pattern: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '*') return true;
  if (trimmed.endsWith('.*')) {
    const parent = trimmed.slice(0, -2);
    return key === parent || key.startsWith(`${parent}.`);
  }
  return key === trimmed;
}
