import type { Program } from 'acorn';
import { runBody } from './call-function.js';
import type { CodeSource } from './code-source.js';
import type { Machine } from './machine.js';
import { SandboxError } from './sandbox-error.js';
import { constantBinding, Scope } from './scope.js';
import type { SandboxValue } from './sandbox-values.js';

/**
 * The outermost scope of a realm: only `undefined`, `NaN`, `Infinity` and what the caller
 * passes (`require`, the test helpers). No host global is reachable from sandboxed code.
 */
export function createGlobalScope(bindings: Record<string, SandboxValue>): Scope {
  const scope = new Scope(undefined, true);
  scope.declare('undefined', constantBinding(undefined));
  scope.declare('NaN', constantBinding(Number.NaN));
  scope.declare('Infinity', constantBinding(Number.POSITIVE_INFINITY));
  for (const [name, value] of Object.entries(bindings)) scope.declare(name, constantBinding(value));
  return scope;
}

/**
 * Runs a parsed program as the body of `function (name1, name2…) { … }` under `globals` and
 * returns what it returns. Anything that goes wrong, including a host error raised by a
 * built-in, leaves as a SandboxError with a location in the code.
 */
export function executeProgram(
  machine: Machine,
  program: Program,
  source: CodeSource,
  globals: Scope,
  parameters: Array<[string, SandboxValue]>,
): SandboxValue {
  const scope = new Scope(globals, true);
  for (const [name, value] of parameters) {
    scope.declare(name, { value, isMutable: true, isInitialized: true });
  }
  scope.declare('arguments', {
    value: parameters.map(([, value]) => value),
    isMutable: true,
    isInitialized: true,
  });

  const savedSource = machine.source;
  const savedNode = machine.node;
  const savedDepth = machine.depth;
  machine.source = source;
  try {
    return runBody(machine, program, program.body, scope);
  } catch (error) {
    throw asSandboxError(machine, error);
  } finally {
    machine.source = savedSource;
    machine.node = savedNode;
    machine.depth = savedDepth;
  }
}

/** Any error as a sandbox error; a host stack overflow becomes a limit error, never a crash. */
export function asSandboxError(machine: Machine, error: unknown): SandboxError {
  if (error instanceof SandboxError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return machine.error('limit', 'the code nested too deeply for the host to run it');
  }
  const message = error instanceof Error ? error.message : String(error);
  return machine.error(error instanceof RangeError ? 'range' : 'type', message);
}
