import { parse, type Program } from 'acorn';

/** Template code parsed for the checks, or where it stops parsing. */
export type ParsedCode =
  { ok: true; program: Program } | { ok: false; line: number; column: number; message: string };

/**
 * Parses sandboxed code as the body of `function (data) { … }` (reference §1.4): a script in
 * which a top-level `return` is legal. The parser accepts the newest syntax so that the syntax
 * checks, not the parser, say what the sandbox lacks; line and column are those of the code
 * section itself.
 */
export function parseTemplateCode(code: string): ParsedCode {
  try {
    const program = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      locations: true,
    });
    return { ok: true, program };
  } catch (error) {
    const location = (error as { loc?: { line: number; column: number } }).loc;
    const message =
      error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    return { ok: false, line: location?.line ?? 1, column: (location?.column ?? 0) + 1, message };
  }
}
