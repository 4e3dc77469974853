/**
 * A deep copy of a JSON value. Keys such as `__proto__` stay plain own keys (JSON.parse
 * defines them), so copying input never reaches a prototype.
 */
export function cloneJson<Value>(value: Value): Value {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as Value;
}
