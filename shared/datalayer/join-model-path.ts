/** Joins model path segments with dots, as GTM's dotted keys do: `('', 'a')` → `a`. */
export function joinModelPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}
