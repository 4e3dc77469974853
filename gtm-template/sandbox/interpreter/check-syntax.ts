import type { Node } from 'acorn';
import { isAllowed, syntaxRules, type SyntaxPolicy, type SyntaxRuleId } from './syntax-rules.js';

/** One construct the sandbox refuses, with its 1-based place in the code. */
export interface SyntaxProblem {
  rule: SyntaxRuleId | 'nesting' | 'syntax';
  message: string;
  line: number;
  column: number;
}

/** Deeper nesting than this is refused, so evaluating the tree can never exhaust the host stack. */
export const maxNestingDepth = 1000;

type AnyNode = Node & Record<string, unknown>;

/**
 * Walks a parsed program and lists every construct GTM's sandbox does not accept (reference
 * §2.3), in source order. The walk is iterative: hostile nesting cannot overflow the host stack.
 */
export function checkSyntax(program: Node, policy?: SyntaxPolicy): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const stack: Array<{ node: AnyNode; depth: number; parent?: AnyNode }> = [
    { node: program as AnyNode, depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, depth, parent } = stack.pop()!;
    if (depth > maxNestingDepth) {
      problems.push(
        problemAt(node, 'nesting', `the code is nested more than ${maxNestingDepth} levels deep`),
      );
      continue;
    }
    const id = ruleFor(node, parent);
    if (id !== undefined && !isAllowed(id, policy)) {
      problems.push(problemAt(node, id, syntaxRules[id].message));
    }
    const children = childNodes(node);
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push({ node: children[index]!, depth: depth + 1, parent: node });
    }
  }
  return problems.sort((left, right) => left.line - right.line || left.column - right.column);
}

function problemAt(node: AnyNode, rule: SyntaxProblem['rule'], message: string): SyntaxProblem {
  const start = node.loc?.start;
  return { rule, message, line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
}

function childNodes(node: AnyNode): AnyNode[] {
  const children: AnyNode[] = [];
  for (const key in node) {
    if (key === 'loc' || key === 'type') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

const byNodeType: Record<string, SyntaxRuleId> = {
  NewExpression: 'new',
  ThisExpression: 'this',
  TryStatement: 'try',
  ThrowStatement: 'throw',
  TemplateLiteral: 'template-literal',
  TaggedTemplateExpression: 'template-literal',
  SpreadElement: 'spread',
  ObjectPattern: 'destructuring',
  ArrayPattern: 'destructuring',
  ClassDeclaration: 'class',
  ClassExpression: 'class',
  Super: 'class',
  PrivateIdentifier: 'class',
  StaticBlock: 'class',
  YieldExpression: 'generator',
  AwaitExpression: 'async',
  ChainExpression: 'optional-chaining',
  LabeledStatement: 'label',
  DoWhileStatement: 'do-while',
  WithStatement: 'with',
  DebuggerStatement: 'debugger',
  MetaProperty: 'meta-property',
  ImportExpression: 'import',
};

function ruleFor(node: AnyNode, parent: AnyNode | undefined): SyntaxRuleId | undefined {
  const direct = byNodeType[node.type];
  if (direct !== undefined) return direct;
  switch (node.type) {
    case 'Literal':
      if (node.regex !== undefined) return 'regex-literal';
      return node.bigint !== undefined ? 'bigint' : undefined;
    case 'UnaryExpression':
      return node.operator === 'delete' ? 'delete' : undefined;
    case 'BinaryExpression':
      if (node.operator === '**') return 'exponent';
      return node.operator === 'instanceof' ? 'instanceof' : undefined;
    case 'LogicalExpression':
      return node.operator === '??' ? 'nullish-coalescing' : undefined;
    case 'AssignmentExpression':
      return assignmentRule(node.operator as string);
    case 'RestElement':
      return isFunction(parent) ? 'rest-parameter' : 'destructuring';
    case 'AssignmentPattern':
      return isFunction(parent) ? 'default-parameter' : 'destructuring';
    case 'Property':
      return propertyRule(node, parent);
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.generator === true) return 'generator';
      return node.async === true ? 'async' : undefined;
    case 'CallExpression':
      return calleeName(node) === 'eval' || calleeName(node) === 'Function' ? 'eval' : undefined;
    default:
      return undefined;
  }
}

function assignmentRule(operator: string): SyntaxRuleId | undefined {
  if (operator === '**=') return 'exponent';
  if (operator === '&&=' || operator === '||=' || operator === '??=') return 'logical-assignment';
  return undefined;
}

function propertyRule(node: AnyNode, parent: AnyNode | undefined): SyntaxRuleId | undefined {
  if (parent?.type === 'ObjectPattern') return undefined;
  if (node.kind === 'get' || node.kind === 'set') return 'getter-setter';
  if (node.method === true) return 'method-shorthand';
  if (node.shorthand === true) return 'shorthand-property';
  return node.computed === true ? 'computed-key' : undefined;
}

function isFunction(node: AnyNode | undefined): boolean {
  return (
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'FunctionExpression' ||
    node?.type === 'ArrowFunctionExpression'
  );
}

function calleeName(node: AnyNode): string | undefined {
  const callee = node.callee as AnyNode | undefined;
  return callee?.type === 'Identifier' ? (callee.name as string) : undefined;
}
