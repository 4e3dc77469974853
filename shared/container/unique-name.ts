/** `base`, or `base (2)`, `base (3)`… : the first that is not taken. Records the name as taken. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let count = 2; taken.has(name); count++) name = `${base} (${count})`;
  taken.add(name);
  return name;
}
