import type { Node } from 'acorn';
import { callFunction } from './call-function.js';
import type { CodeSource } from './code-source.js';
import { locationOf, SandboxError, type SandboxErrorKind } from './sandbox-error.js';
import type { SandboxCallable, SandboxValue } from './sandbox-values.js';

/** Bounds that turn runaway code into a clear sandbox error instead of a hung or crashed host. */
export interface InterpreterLimits {
  /** Evaluation steps (statements, expressions, built-in iterations) for the whole realm. */
  maxSteps: number;
  /** Nested sandbox function calls. */
  maxCallDepth: number;
  maxArrayLength: number;
  maxStringLength: number;
}

export const defaultLimits: InterpreterLimits = {
  maxSteps: 5_000_000,
  maxCallDepth: 200,
  maxArrayLength: 1_000_000,
  maxStringLength: 5_000_000,
};

/**
 * The state one realm's code runs on: the step and depth counters, the node being evaluated
 * (for error locations) and the code it belongs to. Template code, test code and callbacks
 * of one realm share one machine, so the budget covers all of them.
 */
export class Machine {
  steps = 0;
  depth = 0;
  node: Node | undefined;
  source: CodeSource | undefined;
  readonly limits: InterpreterLimits;

  constructor(limits: Partial<InterpreterLimits> = {}) {
    this.limits = { ...defaultLimits, ...limits };
  }

  /** Counts one step at `node`; throws a limit error once the budget is spent. */
  tick(node: Node): void {
    this.node = node;
    if (++this.steps > this.limits.maxSteps) throw this.stepLimitError();
  }

  /** Counts steps spent inside a built-in (one per element visited). */
  charge(steps: number): void {
    this.steps += steps;
    if (this.steps > this.limits.maxSteps) throw this.stepLimitError();
  }

  /** A sandbox error located at `node`, or at the node being evaluated. */
  error(kind: SandboxErrorKind, message: string, node?: Node): SandboxError {
    return new SandboxError(kind, message, locationOf(node ?? this.node, this.source));
  }

  /** Calls a sandbox function from anywhere: the interpreter, a built-in, or the host. */
  call(callee: SandboxCallable, args: SandboxValue[]): SandboxValue {
    return callFunction(this, callee, args);
  }

  /** A string result, refused when it grows past the realm's limit. */
  checkString(text: string): string {
    if (text.length > this.limits.maxStringLength) {
      throw this.error('limit', `a string grew past ${this.limits.maxStringLength} characters`);
    }
    return text;
  }

  checkArrayLength(length: number): void {
    if (length > this.limits.maxArrayLength) {
      throw this.error('limit', `an array grew past ${this.limits.maxArrayLength} elements`);
    }
  }

  private stepLimitError(): SandboxError {
    return this.error(
      'limit',
      `the code ran more than ${this.limits.maxSteps} steps without finishing (an endless loop?)`,
    );
  }
}
