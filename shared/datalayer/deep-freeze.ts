/**
 * Freezes a JSON-shaped value and everything in it, so snapshots that share branches between
 * steps cannot be changed through one step. Only used on transport values, whose depth is
 * bounded (see `TRANSPORT_LIMITS`), so the recursion is too.
 */
export function deepFreeze<Value>(value: Value): Value {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;

  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
