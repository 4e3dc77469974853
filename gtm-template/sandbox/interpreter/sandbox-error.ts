import type { CodeSource } from './code-source.js';

/** Why sandboxed code stopped. */
export type SandboxErrorKind =
  | 'syntax'
  | 'type'
  | 'reference'
  | 'range'
  | 'limit'
  | 'permission'
  | 'api'
  | 'thrown'
  | 'assertion';

/** Where in which code an error happened; line and column are 1-based. */
export interface SandboxLocation {
  source: string;
  line: number;
  column: number;
}

/**
 * An error raised by or inside sandboxed code. It ends the running code (there is no
 * try/catch in GTM's sandbox) and becomes a failed run with its message and location.
 */
export class SandboxError extends Error {
  /** Set once the error was recorded, so an error that unwinds further is not counted twice. */
  reported = false;

  constructor(
    readonly kind: SandboxErrorKind,
    message: string,
    readonly location?: SandboxLocation,
    /** The value a `throw` statement threw, when the sandbox allows `throw`. */
    readonly thrown?: unknown,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

/** The location of an acorn node in a source, 1-based. */
export function locationOf(
  node: { loc?: { start: { line: number; column: number } } | null } | undefined,
  source: CodeSource | undefined,
): SandboxLocation | undefined {
  const start = node?.loc?.start;
  if (!start || !source) return undefined;
  return { source: source.name, line: start.line, column: start.column + 1 };
}
