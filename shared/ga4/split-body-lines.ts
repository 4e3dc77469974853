/**
 * Cuts a batched `/g/collect` body into its event lines. gtag separates events with CR LF
 * (protocol notes §2, sample A26) and may end with one; empty lines are dropped. A line that joins
 * events with a space before `en=` (an older fixture, sample A3) is cut there too. Only that
 * space is a separator: gtag encodes spaces inside values as `%20`, and hand-built bodies may not.
 */
export function splitBodyLines(body: string): string[] {
  const lines: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (line.trim() === '') {
      continue;
    }
    if (line.includes(' en=')) {
      lines.push(...line.split(/ +(?=en=)/).filter((part) => part.trim() !== ''));
    } else {
      lines.push(line);
    }
  }
  return lines;
}
