import type { BlockStatement, Expression, Function as FunctionNode, Node, Pattern } from 'acorn';
import { evaluate } from './evaluate-expression.js';
import { executeStatements, ReturnCompletion } from './execute-statement.js';
import { declarationsOf, type Declarations } from './hoisting.js';
import type { Machine } from './machine.js';
import { constantBinding, Scope } from './scope.js';
import {
  NativeFunction,
  SandboxClosure,
  type SandboxCallable,
  type SandboxValue,
} from './sandbox-values.js';

/**
 * Calls any sandbox function. Closures run their body in a fresh function scope with
 * `arguments`, hoisted `var`s and functions; the depth counter turns unbounded recursion into a
 * sandbox error long before the host stack runs out.
 */
export function callFunction(
  machine: Machine,
  callee: SandboxCallable,
  args: SandboxValue[],
): SandboxValue {
  if (callee instanceof NativeFunction) return callee.call(args);
  const closure = callee as SandboxClosure;
  if (machine.depth >= machine.limits.maxCallDepth) {
    throw machine.error(
      'limit',
      `more than ${machine.limits.maxCallDepth} nested function calls (unbounded recursion?)`,
    );
  }

  const savedSource = machine.source;
  const savedNode = machine.node;
  machine.depth++;
  machine.source = closure.source;
  try {
    const scope = new Scope(closure.scope, true);
    if (!closure.isArrow)
      scope.declare('arguments', { value: args.slice(), isMutable: true, isInitialized: true });
    bindParameters(machine, closure.node.params, args, scope);
    const body = closure.node.body;
    if (body.type !== 'BlockStatement') return evaluate(machine, body as Expression, scope);
    return runBody(machine, closure.node, (body as BlockStatement).body, scope);
  } finally {
    machine.depth--;
    machine.source = savedSource;
    machine.node = savedNode;
  }
}

/** Runs statements as a function body in `scope` and returns what they return. */
export function runBody(
  machine: Machine,
  owner: Node,
  statements: readonly Node[],
  scope: Scope,
): SandboxValue {
  declareFunctionScope(machine, declarationsOf(owner, statements, true), scope);
  const completion = executeStatements(machine, statements, scope);
  return completion instanceof ReturnCompletion ? completion.value : undefined;
}

function bindParameters(
  machine: Machine,
  params: Pattern[],
  args: SandboxValue[],
  scope: Scope,
): void {
  for (let index = 0; index < params.length; index++) {
    const param = params[index]!;
    if (param.type === 'Identifier') {
      scope.declare(param.name, { value: args[index], isMutable: true, isInitialized: true });
    } else if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') {
      const given = args[index];
      const value = given === undefined ? evaluate(machine, param.right, scope) : given;
      scope.declare(param.left.name, { value, isMutable: true, isInitialized: true });
    } else if (param.type === 'RestElement' && param.argument.type === 'Identifier') {
      scope.declare(param.argument.name, {
        value: args.slice(index),
        isMutable: true,
        isInitialized: true,
      });
    } else {
      throw machine.error('syntax', 'destructuring parameters are not supported', param);
    }
  }
}

/** Declares hoisted `var`s (undefined), `let`/`const` (not yet initialised) and functions. */
export function declareFunctionScope(
  machine: Machine,
  declarations: Declarations,
  scope: Scope,
): void {
  for (const name of declarations.varNames) {
    if (!scope.has(name))
      scope.declare(name, { value: undefined, isMutable: true, isInitialized: true });
  }
  declareBlockScope(machine, declarations, scope);
}

export function declareBlockScope(
  machine: Machine,
  declarations: Declarations,
  scope: Scope,
): void {
  for (const { name, isConstant } of declarations.lexical) {
    scope.declare(name, { value: undefined, isMutable: !isConstant, isInitialized: false });
  }
  for (const declaration of declarations.functions) {
    const name = declaration.id?.name ?? '';
    scope.declare(name, {
      value: createClosure(machine, declaration, scope),
      isMutable: true,
      isInitialized: true,
    });
  }
}

/** A closure over `scope`; a named function expression also sees its own name. */
export function createClosure(machine: Machine, node: FunctionNode, scope: Scope): SandboxClosure {
  const name = node.id?.name ?? '';
  const source = machine.source!;
  if (node.type !== 'FunctionExpression' || name === '')
    return new SandboxClosure(name, node, scope, source);
  const ownScope = new Scope(scope);
  const closure = new SandboxClosure(name, node, ownScope, source);
  ownScope.declare(name, constantBinding(closure));
  return closure;
}
