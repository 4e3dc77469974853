import { Boundary } from '../../gtm-template/sandbox/interpreter/boundary.js';
import {
  createGlobalScope,
  executeProgram,
} from '../../gtm-template/sandbox/interpreter/execute-program.js';
import { Machine, type InterpreterLimits } from '../../gtm-template/sandbox/interpreter/machine.js';
import { parseSandboxedCode } from '../../gtm-template/sandbox/interpreter/parse-sandboxed-code.js';
import { SandboxError } from '../../gtm-template/sandbox/interpreter/sandbox-error.js';
import type { SandboxValue } from '../../gtm-template/sandbox/interpreter/sandbox-values.js';
import type { SyntaxPolicy } from '../../gtm-template/sandbox/interpreter/syntax-rules.js';

export interface Evaluation {
  ok: boolean;
  /** The returned value copied out to plain host values. */
  value?: unknown;
  /** The returned value as the sandbox holds it. */
  raw?: SandboxValue;
  error?: { kind: string; message: string; line?: number; column?: number };
  machine: Machine;
  boundary: Boundary;
}

export interface EvaluateOptions {
  limits?: Partial<InterpreterLimits>;
  policy?: SyntaxPolicy;
  /** Host values handed to the code as globals (copied in at the boundary). */
  globals?: Record<string, unknown>;
  data?: unknown;
}

/** Runs sandboxed code as a function body and reports its return value or its error. */
export function evaluateSandboxed(code: string, options: EvaluateOptions = {}): Evaluation {
  const machine = new Machine(options.limits);
  const boundary = new Boundary(machine, {
    reportError: () => undefined,
    trackPromise: () => undefined,
  });
  const parsed = parseSandboxedCode(code, options.policy);
  if (!parsed.ok) {
    const problem = parsed.problems[0]!;
    return {
      ok: false,
      error: {
        kind: 'syntax',
        message: problem.message,
        line: problem.line,
        column: problem.column,
      },
      machine,
      boundary,
    };
  }
  const globals: Record<string, SandboxValue> = {};
  for (const [name, value] of Object.entries(options.globals ?? {}))
    globals[name] = boundary.copyIn(value);
  try {
    const raw = executeProgram(
      machine,
      parsed.program,
      { name: 'template', text: code },
      createGlobalScope(globals),
      [['data', boundary.copyIn(options.data ?? {})]],
    );
    return { ok: true, raw, value: boundary.copyOut(raw), machine, boundary };
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    const location = error.location;
    return {
      ok: false,
      error: {
        kind: error.kind,
        message: error.message,
        line: location?.line,
        column: location?.column,
      },
      machine,
      boundary,
    };
  }
}

/** The value code returns; fails the test with the sandbox error when there is one. */
export function valueOf(code: string, options?: EvaluateOptions): unknown {
  const result = evaluateSandboxed(code, options);
  if (!result.ok) throw new Error(`sandbox error: ${result.error?.kind} ${result.error?.message}`);
  return result.value;
}
