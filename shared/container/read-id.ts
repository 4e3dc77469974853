/** An id or name as text: exports write ids as strings, hand-made files sometimes as numbers. */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A list of ids (`firingTriggerId`, …): text and numbers kept, anything else dropped. */
export function readIdList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(readId).filter((id): id is string => id !== undefined);
}
