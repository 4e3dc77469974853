import { parse, type Program } from 'acorn';
import { checkSyntax, type SyntaxProblem } from './check-syntax.js';
import type { SyntaxPolicy } from './syntax-rules.js';

/** Sandboxed code parsed and checked, or every reason it cannot run. */
export type ParsedCode =
  | { ok: true; program: Program; text: string }
  | { ok: false; problems: SyntaxProblem[]; text: string };

/**
 * Parses sandboxed JavaScript as the body of a function (top-level `return` is legal, reference
 * §1.4) and refuses what GTM's sandbox refuses. Never throws: a syntax error, hostile nesting
 * that exhausts the parser's stack, or a refused construct all come back as problems.
 */
export function parseSandboxedCode(text: string, policy?: SyntaxPolicy): ParsedCode {
  let program: Program;
  try {
    program = parse(text, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      locations: true,
    });
  } catch (error) {
    return { ok: false, problems: [parseProblem(error)], text };
  }

  const problems = checkSyntax(program, policy);
  if (problems.length > 0) return { ok: false, problems, text };
  return { ok: true, program, text };
}

function parseProblem(error: unknown): SyntaxProblem {
  if (error instanceof RangeError) {
    return {
      rule: 'nesting',
      message: 'the code is nested too deeply to parse',
      line: 1,
      column: 1,
    };
  }
  const located = error as { message?: string; loc?: { line: number; column: number } };
  // acorn appends " (line:column)" to its messages; the location is reported on its own.
  const message = String(located.message ?? error).replace(/ \(\d+:\d+\)$/, '');
  return {
    rule: 'syntax',
    message: `syntax error: ${message}`,
    line: located.loc?.line ?? 1,
    column: (located.loc?.column ?? 0) + 1,
  };
}
