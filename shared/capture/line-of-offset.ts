/** The 1-based line and column of a character offset, for error messages that point into a file. */
export function lineOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset V8 names in a `JSON.parse` message (`… at position 42`), if any. */
export function offsetInJsonError(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
