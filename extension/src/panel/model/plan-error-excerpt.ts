/** The lines around a plan error, and where under its line the caret goes. */
export interface ErrorExcerpt {
  lines: Array<{ number: number; text: string }>;
  /** 1-based line the error is on, and the caret's column under it. */
  line: number;
  column: number;
}

/**
 * The plan text around a 1-based line and column: the line before, the line itself and a
 * caret position, so an error reads like a compiler's. Undefined when the line is not there.
 */
export function planErrorExcerpt(
  text: string,
  line: number,
  column: number,
): ErrorExcerpt | undefined {
  const lines = text.split(/\r?\n/);
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return undefined;
  const first = Math.max(1, line - 1);
  return {
    lines: lines
      .slice(first - 1, line)
      .map((lineText, index) => ({ number: first + index, text: lineText })),
    line,
    column: Math.max(1, column),
  };
}
