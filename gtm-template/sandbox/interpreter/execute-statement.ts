import type {
  ForInStatement,
  ForOfStatement,
  ForStatement,
  Node,
  Statement,
  SwitchStatement,
  TryStatement,
  VariableDeclaration,
} from 'acorn';
import { declareBlockScope } from './call-function.js';
import { toBoolean } from './conversions.js';
import { evaluate } from './evaluate-expression.js';
import { declarationsOf } from './hoisting.js';
import type { Machine } from './machine.js';
import { resolveReference } from './references.js';
import { SandboxError } from './sandbox-error.js';
import { Scope } from './scope.js';
import { formatValue } from './format-value.js';
import { isRecord, SandboxCallable, type SandboxValue } from './sandbox-values.js';

/** How a statement ended when it did not simply fall through. */
export type Completion = undefined | 'break' | 'continue' | ReturnCompletion;

export class ReturnCompletion {
  constructor(readonly value: SandboxValue) {}
}

export function executeStatements(
  machine: Machine,
  statements: readonly Node[],
  scope: Scope,
): Completion {
  for (const statement of statements) {
    const completion = execute(machine, statement as Statement, scope);
    if (completion !== undefined) return completion;
  }
  return undefined;
}

function execute(machine: Machine, node: Statement, scope: Scope): Completion {
  machine.tick(node);
  switch (node.type) {
    case 'ExpressionStatement':
      evaluate(machine, node.expression, scope);
      return undefined;
    case 'VariableDeclaration':
      declareVariables(machine, node, scope);
      return undefined;
    case 'FunctionDeclaration':
    case 'EmptyStatement':
      return undefined;
    case 'ReturnStatement':
      return new ReturnCompletion(
        node.argument ? evaluate(machine, node.argument, scope) : undefined,
      );
    case 'IfStatement':
      if (toBoolean(evaluate(machine, node.test, scope)))
        return execute(machine, node.consequent, scope);
      return node.alternate ? execute(machine, node.alternate, scope) : undefined;
    case 'BlockStatement':
      return executeBlock(machine, node, node.body, scope);
    case 'ForStatement':
      return executeFor(machine, node, scope);
    case 'ForInStatement':
    case 'ForOfStatement':
      return executeForEach(machine, node, scope);
    case 'WhileStatement':
    case 'DoWhileStatement':
      return executeWhile(machine, node, scope, node.type === 'DoWhileStatement');
    case 'BreakStatement':
    case 'ContinueStatement':
      if (node.label) throw machine.error('syntax', 'labels are not supported', node);
      return node.type === 'BreakStatement' ? 'break' : 'continue';
    case 'SwitchStatement':
      return executeSwitch(machine, node, scope);
    case 'ThrowStatement': {
      const value = evaluate(machine, node.argument, scope);
      const error = machine.error('thrown', `uncaught exception: ${formatValue(value)}`, node);
      throw new SandboxError('thrown', error.message, error.location, value);
    }
    case 'TryStatement':
      return executeTry(machine, node, scope);
    default:
      throw machine.error('syntax', `${node.type} is not supported in sandboxed JavaScript`, node);
  }
}

function executeBlock(
  machine: Machine,
  owner: Node,
  statements: readonly Node[],
  scope: Scope,
): Completion {
  const declarations = declarationsOf(owner, statements, false);
  if (declarations.lexical.length === 0 && declarations.functions.length === 0) {
    return executeStatements(machine, statements, scope);
  }
  const blockScope = new Scope(scope);
  declareBlockScope(machine, declarations, blockScope);
  return executeStatements(machine, statements, blockScope);
}

function declareVariables(machine: Machine, node: VariableDeclaration, scope: Scope): void {
  for (const declarator of node.declarations) {
    if (declarator.id.type !== 'Identifier') {
      throw machine.error('syntax', 'destructuring is not supported', declarator.id);
    }
    const name = declarator.id.name;
    if (node.kind === 'var') {
      if (declarator.init)
        resolveReference(machine, declarator.id, scope).set(
          evaluate(machine, declarator.init, scope),
        );
      continue;
    }
    const value = declarator.init ? evaluate(machine, declarator.init, scope) : undefined;
    const binding = { value, isMutable: node.kind !== 'const', isInitialized: true };
    if (!scope.has(name)) scope.declare(name, binding);
    else Object.assign(scope.lookup(name)!, binding);
  }
}

function isLexical(node: Node | null | undefined): node is VariableDeclaration {
  return node?.type === 'VariableDeclaration' && (node as VariableDeclaration).kind !== 'var';
}

function executeFor(machine: Machine, node: ForStatement, scope: Scope): Completion {
  const hasLexicalHead = isLexical(node.init);
  let iterationScope = hasLexicalHead ? new Scope(scope) : scope;
  if (node.init?.type === 'VariableDeclaration')
    declareVariables(machine, node.init, iterationScope);
  else if (node.init) evaluate(machine, node.init, iterationScope);

  for (;;) {
    if (node.test && !toBoolean(evaluate(machine, node.test, iterationScope))) return undefined;
    const completion = execute(machine, node.body, iterationScope);
    if (completion === 'break') return undefined;
    if (completion instanceof ReturnCompletion) return completion;
    // Each iteration gets its own `let` bindings, so closures made in the body keep their value.
    if (hasLexicalHead) iterationScope = iterationScope.copyForIteration();
    if (node.update) evaluate(machine, node.update, iterationScope);
  }
}

function executeWhile(
  machine: Machine,
  node: Node & { test: Node; body: Statement },
  scope: Scope,
  isDoWhile: boolean,
): Completion {
  let isFirst = isDoWhile;
  for (;;) {
    if (!isFirst && !toBoolean(evaluate(machine, node.test, scope))) return undefined;
    isFirst = false;
    const completion = execute(machine, node.body, scope);
    if (completion === 'break') return undefined;
    if (completion instanceof ReturnCompletion) return completion;
  }
}

function executeForEach(
  machine: Machine,
  node: ForInStatement | ForOfStatement,
  scope: Scope,
): Completion {
  const subject = evaluate(machine, node.right, scope);
  const isForIn = node.type === 'ForInStatement';
  const items = isForIn ? keysOf(subject) : valuesOf(machine, subject);
  for (
    let index = 0;
    isForIn ? index < items.length : index < iterationLength(subject, items);
    index++
  ) {
    machine.charge(1);
    const key = items[index];
    // A key deleted by the body before it is reached is skipped, as in JavaScript.
    if (isForIn && isRecord(subject) && !Object.hasOwn(subject, key as string)) continue;
    const item = isForIn ? key : Array.isArray(subject) ? subject[index] : key;
    const iterationScope = isLexical(node.left) ? new Scope(scope) : scope;
    bindLoopVariable(machine, node, item, iterationScope);
    const completion = execute(machine, node.body, iterationScope);
    if (completion === 'break') return undefined;
    if (completion instanceof ReturnCompletion) return completion;
  }
  return undefined;
}

// for…of over an array reads it live (elements pushed by the body are visited).
function iterationLength(subject: SandboxValue, items: SandboxValue[]): number {
  return Array.isArray(subject) ? subject.length : items.length;
}

function bindLoopVariable(
  machine: Machine,
  node: ForInStatement | ForOfStatement,
  item: SandboxValue,
  scope: Scope,
): void {
  const left = node.left;
  if (left.type !== 'VariableDeclaration') {
    resolveReference(machine, left, scope).set(item);
    return;
  }
  const target = left.declarations[0]?.id;
  if (target?.type !== 'Identifier')
    throw machine.error('syntax', 'destructuring is not supported', left);
  if (left.kind === 'var') resolveReference(machine, target, scope).set(item);
  else
    scope.declare(target.name, {
      value: item,
      isMutable: left.kind !== 'const',
      isInitialized: true,
    });
}

function keysOf(subject: SandboxValue): string[] {
  if (typeof subject === 'string')
    return Array.from({ length: subject.length }, (_item, index) => String(index));
  if (subject instanceof SandboxCallable)
    return subject.properties ? Object.keys(subject.properties) : [];
  if (Array.isArray(subject) || isRecord(subject)) return Object.keys(subject);
  return [];
}

function valuesOf(machine: Machine, subject: SandboxValue): SandboxValue[] {
  if (Array.isArray(subject)) return subject;
  if (typeof subject === 'string') return Array.from(subject);
  throw machine.error(
    'type',
    `${formatValue(subject)} is not iterable (for…of takes an array or a string)`,
  );
}

function executeSwitch(machine: Machine, node: SwitchStatement, scope: Scope): Completion {
  const discriminant = evaluate(machine, node.discriminant, scope);
  const statements = node.cases.flatMap((switchCase) => switchCase.consequent);
  const switchScope = new Scope(scope);
  declareBlockScope(machine, declarationsOf(node, statements, false), switchScope);

  let matched = node.cases.findIndex(
    (switchCase) =>
      switchCase.test && evaluate(machine, switchCase.test, switchScope) === discriminant,
  );
  if (matched < 0) matched = node.cases.findIndex((switchCase) => !switchCase.test);
  if (matched < 0) return undefined;
  for (const switchCase of node.cases.slice(matched)) {
    const completion = executeStatements(machine, switchCase.consequent, switchScope);
    if (completion === 'break') return undefined;
    if (completion !== undefined) return completion;
  }
  return undefined;
}

// Errors that code may catch once a policy allows try/catch; limits, permission denials and
// failed test assertions always end the run.
const catchableKinds = new Set(['thrown', 'type', 'reference', 'range', 'api']);

function executeTry(machine: Machine, node: TryStatement, scope: Scope): Completion {
  try {
    return executeBlock(machine, node.block, node.block.body, scope);
  } catch (error) {
    if (!(error instanceof SandboxError) || !catchableKinds.has(error.kind) || !node.handler)
      throw error;
    const catchScope = new Scope(scope);
    const param = node.handler.param;
    if (param?.type === 'Identifier') {
      const value = error.kind === 'thrown' ? (error.thrown as SandboxValue) : error.message;
      catchScope.declare(param.name, { value, isMutable: true, isInitialized: true });
    }
    return executeBlock(machine, node.handler.body, node.handler.body.body, catchScope);
  } finally {
    if (node.finalizer) executeBlock(machine, node.finalizer, node.finalizer.body, scope);
  }
}
