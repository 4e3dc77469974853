import type {
  ArrayExpression,
  AssignmentExpression,
  CallExpression,
  Expression,
  Function as FunctionNode,
  Literal,
  LogicalExpression,
  MemberExpression,
  Node,
  ObjectExpression,
  TemplateLiteral,
  UnaryExpression,
  UpdateExpression,
} from 'acorn';
import { createClosure } from './call-function.js';
import { toBoolean, toNumberValue, toPropertyKey, toStringValue } from './conversions.js';
import type { Machine } from './machine.js';
import { getMember } from './member-access.js';
import { binaryOperation, unaryOperation } from './operators.js';
import { resolveReference, readVariable } from './references.js';
import type { Scope } from './scope.js';
import {
  createRecord,
  isCallable,
  type SandboxRecord,
  type SandboxValue,
} from './sandbox-values.js';
import { spreadInto } from './spread.js';

/** Marks an optional chain (`a?.b.c`) that stopped at a nullish link. */
const chainStopped = Symbol('chain stopped');
type Evaluated = SandboxValue | typeof chainStopped;

/** Evaluates one expression node to a sandbox value. */
export function evaluate(machine: Machine, node: Expression | Node, scope: Scope): SandboxValue {
  const value = evaluateNode(machine, node as Expression, scope);
  return value === chainStopped ? undefined : value;
}

function evaluateNode(machine: Machine, node: Expression, scope: Scope): Evaluated {
  machine.tick(node);
  switch (node.type) {
    case 'Literal':
      return literal(machine, node);
    case 'Identifier':
      return readVariable(machine, scope, node.name, node);
    case 'ArrayExpression':
      return arrayLiteral(machine, node, scope);
    case 'ObjectExpression':
      return objectLiteral(machine, node, scope);
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return createClosure(machine, node as FunctionNode, scope);
    case 'UnaryExpression':
      return unary(machine, node, scope);
    case 'UpdateExpression':
      return update(machine, node, scope);
    case 'BinaryExpression':
      return binaryOperation(
        machine,
        node.operator,
        evaluate(machine, node.left, scope),
        evaluate(machine, node.right, scope),
      );
    case 'LogicalExpression':
      return logical(machine, node, scope);
    case 'AssignmentExpression':
      return assign(machine, node, scope);
    case 'ConditionalExpression':
      return toBoolean(evaluate(machine, node.test, scope))
        ? evaluate(machine, node.consequent, scope)
        : evaluate(machine, node.alternate, scope);
    case 'CallExpression':
      return call(machine, node, scope);
    case 'MemberExpression':
      return member(machine, node, scope);
    case 'SequenceExpression':
      return node.expressions.reduce<SandboxValue>(
        (_last, expression) => evaluate(machine, expression, scope),
        undefined,
      );
    case 'TemplateLiteral':
      return templateLiteral(machine, node, scope);
    case 'ChainExpression':
      return evaluate(machine, node.expression, scope);
    case 'ParenthesizedExpression':
      return evaluateNode(machine, node.expression, scope);
    default:
      throw machine.error('syntax', `${node.type} is not supported in sandboxed JavaScript`);
  }
}

function literal(machine: Machine, node: Literal): SandboxValue {
  const value = node.value;
  if (value instanceof RegExp || typeof value === 'bigint' || node.regex !== undefined) {
    throw machine.error('syntax', 'this literal is not supported in sandboxed JavaScript');
  }
  return value as SandboxValue;
}

function arrayLiteral(machine: Machine, node: ArrayExpression, scope: Scope): SandboxValue[] {
  const result: SandboxValue[] = [];
  for (const element of node.elements) {
    if (element === null) result.push(undefined);
    else if (element.type === 'SpreadElement')
      spreadInto(machine, result, evaluate(machine, element.argument, scope));
    else result.push(evaluate(machine, element, scope));
  }
  machine.checkArrayLength(result.length);
  return result;
}

function objectLiteral(machine: Machine, node: ObjectExpression, scope: Scope): SandboxRecord {
  const record = createRecord();
  for (const property of node.properties) {
    if (property.type === 'SpreadElement') {
      const source = evaluate(machine, property.argument, scope);
      if (source !== null && typeof source === 'object')
        Object.assign(record, copyOwnEntries(source));
      continue;
    }
    if (property.kind !== 'init')
      throw machine.error('syntax', 'getters and setters are not supported', property);
    const key = property.computed
      ? toPropertyKey(evaluate(machine, property.key, scope))
      : property.key.type === 'Identifier'
        ? property.key.name
        : String((property.key as Literal).value);
    record[key] = evaluate(machine, property.value, scope);
  }
  return record;
}

function copyOwnEntries(source: object): SandboxRecord {
  const copy = createRecord();
  if (!Array.isArray(source) && Object.getPrototypeOf(source) !== null) return copy;
  for (const key of Object.keys(source)) copy[key] = (source as SandboxRecord)[key];
  return copy;
}

function unary(machine: Machine, node: UnaryExpression, scope: Scope): SandboxValue {
  if (node.operator === 'typeof' && node.argument.type === 'Identifier') {
    const binding = scope.lookup(node.argument.name);
    if (binding === undefined) return 'undefined';
  }
  if (node.operator === 'delete') {
    throw machine.error(
      'syntax',
      "the 'delete' operator is not supported; use require('Object').delete",
    );
  }
  return unaryOperation(machine, node.operator, evaluate(machine, node.argument, scope));
}

function update(machine: Machine, node: UpdateExpression, scope: Scope): SandboxValue {
  const reference = resolveReference(machine, node.argument, scope);
  const previous = toNumberValue(reference.get());
  const next = node.operator === '++' ? previous + 1 : previous - 1;
  reference.set(next);
  return node.prefix ? next : previous;
}

function logical(machine: Machine, node: LogicalExpression, scope: Scope): SandboxValue {
  const left = evaluate(machine, node.left, scope);
  if (node.operator === '&&') return toBoolean(left) ? evaluate(machine, node.right, scope) : left;
  if (node.operator === '||') return toBoolean(left) ? left : evaluate(machine, node.right, scope);
  return left === null || left === undefined ? evaluate(machine, node.right, scope) : left;
}

function assign(machine: Machine, node: AssignmentExpression, scope: Scope): SandboxValue {
  const reference = resolveReference(machine, node.left, scope);
  const operator = node.operator;
  if (operator === '=') {
    const value = evaluate(machine, node.right, scope);
    reference.set(value);
    return value;
  }
  const current = reference.get();
  if (operator === '&&=' || operator === '||=' || operator === '??=') {
    const isNullish = current === null || current === undefined;
    const keep =
      operator === '&&='
        ? !toBoolean(current)
        : operator === '||='
          ? toBoolean(current)
          : !isNullish;
    if (keep) return current;
    const value = evaluate(machine, node.right, scope);
    reference.set(value);
    return value;
  }
  const value = binaryOperation(
    machine,
    operator.slice(0, -1),
    current,
    evaluate(machine, node.right, scope),
  );
  reference.set(value);
  return value;
}

function member(machine: Machine, node: MemberExpression, scope: Scope): Evaluated {
  const object = evaluateNode(machine, node.object as Expression, scope);
  if (object === chainStopped) return chainStopped;
  if (node.optional && (object === null || object === undefined)) return chainStopped;
  return getMember(machine, object, memberKey(machine, node, scope), node);
}

/** The property name of `a.b` or `a[expression]`. */
export function memberKey(machine: Machine, node: MemberExpression, scope: Scope): string {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  return toPropertyKey(evaluate(machine, node.property as Expression, scope));
}

function call(machine: Machine, node: CallExpression, scope: Scope): Evaluated {
  const callee = evaluateNode(machine, node.callee as Expression, scope);
  if (callee === chainStopped) return chainStopped;
  if (node.optional && (callee === null || callee === undefined)) return chainStopped;

  const args: SandboxValue[] = [];
  for (const argument of node.arguments) {
    if (argument.type === 'SpreadElement')
      spreadInto(machine, args, evaluate(machine, argument.argument, scope));
    else args.push(evaluate(machine, argument, scope));
  }
  if (!isCallable(callee)) {
    throw machine.error(
      'type',
      `${describeExpression(machine, node.callee)} is not a function`,
      node,
    );
  }
  machine.node = node;
  return machine.call(callee, args);
}

/** The source text of an expression for a message, shortened to one readable line. */
export function describeExpression(machine: Machine, node: Node): string {
  const text =
    machine.source?.text.slice(node.start, node.end).replace(/\s+/g, ' ') ?? 'expression';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function templateLiteral(machine: Machine, node: TemplateLiteral, scope: Scope): string {
  let text = node.quasis[0]?.value.cooked ?? '';
  for (let index = 0; index < node.expressions.length; index++) {
    text += toStringValue(evaluate(machine, node.expressions[index]!, scope));
    text += node.quasis[index + 1]?.value.cooked ?? '';
    machine.checkString(text);
  }
  return text;
}
