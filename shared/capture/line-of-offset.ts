import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

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

/**
 * Where strict JSON first goes wrong, and what is wrong there. `JSON.parse` messages carry no
 * position in every case on Node 20, so a tolerant parser is asked only once parsing failed.
 */
export function locateJsonError(
  text: string,
): { line: number; column: number; problem: string } | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return undefined;
  return {
    ...lineOfOffset(text, first.offset),
    problem: describeProblem(printParseErrorCode(first.error)),
  };
}

function describeProblem(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
