/**
 * `compute` remembered per name, for answers that depend on the name alone: traffic repeats
 * a few hundred names millions of times. The memory is forgotten whole at `limit` names, so
 * a stream of distinct names (a fuzzer, a hostile page) cannot grow it without bound.
 */
export function rememberPerName<Value>(
  compute: (name: string) => Value,
  limit = 5000,
): (name: string) => Value {
  const remembered = new Map<string, Value>();
  return (name) => {
    const known = remembered.get(name);
    if (known !== undefined) return known;
    if (remembered.size >= limit) remembered.clear();
    const value = compute(name);
    remembered.set(name, value);
    return value;
  };
}
