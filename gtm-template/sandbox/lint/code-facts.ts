import type { AnyNode, CallExpression, Identifier, Pattern, Program } from 'acorn';
import type { ProblemPlace } from './lint-problem.js';
import { walkAst, type NodeSlot } from './walk-ast.js';

/** What several checks need to know about the code, gathered in one walk. */
export interface CodeFacts {
  program: Program;
  /** Every name declared anywhere (variables, functions, parameters, catch bindings, classes). */
  declaredNames: ReadonlySet<string>;
  /** Identifiers that read or write a variable (not keys, labels or declarations). */
  references: readonly Identifier[];
  /** `require('name')` calls with a string literal, in source order. */
  requireCalls: ReadonlyArray<{ api: string; node: CallExpression }>;
  /** Variable name → the API it holds (`const sendPixel = require('sendPixel')`). */
  apiBindings: ReadonlyMap<string, string>;
  /** Property names the code itself defines (object literal keys, `object.name = …`). */
  definedPropertyNames: ReadonlySet<string>;
}

/** Gathers the facts in one walk; flow-insensitive on purpose (names count wherever declared). */
export function gatherCodeFacts(program: Program): CodeFacts {
  const declarations = new Set<Identifier>();
  const declaredNames = new Set<string>();
  const declare = (pattern: Pattern | null | undefined) => {
    for (const identifier of patternIdentifiers(pattern)) {
      declarations.add(identifier);
      declaredNames.add(identifier.name);
    }
  };
  const candidates: Array<{ node: Identifier; slot: NodeSlot }> = [];
  const requireCalls: Array<{ api: string; node: CallExpression }> = [];
  const apiBindings = new Map<string, string>();
  const definedPropertyNames = new Set<string>();

  walkAst(program, (node, slot) => {
    declareIn(node, declare);
    if (node.type === 'Identifier') candidates.push({ node, slot });
    const api = requiredApi(node);
    if (api !== undefined && node.type === 'CallExpression') requireCalls.push({ api, node });
    bindApi(node, apiBindings);
    collectDefinedProperty(node, definedPropertyNames);
  });

  const references = candidates
    .filter(({ node, slot }) => !declarations.has(node) && isReferenceSlot(slot))
    .map(({ node }) => node);
  return { program, declaredNames, references, requireCalls, apiBindings, definedPropertyNames };
}

function declareIn(node: AnyNode, declare: (pattern: Pattern | null | undefined) => void): void {
  switch (node.type) {
    case 'VariableDeclarator':
      return declare(node.id);
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.type !== 'ArrowFunctionExpression') declare(node.id);
      for (const parameter of node.params) declare(parameter);
      return;
    case 'CatchClause':
      return declare(node.param);
    case 'ClassDeclaration':
    case 'ClassExpression':
      return declare(node.id);
    default:
      return;
  }
}

/** The identifiers a declaration pattern binds (`a`, `{b, c: d}`, `[e, ...f]`, `g = 1`). */
export function patternIdentifiers(pattern: AnyNode | null | undefined): Identifier[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) =>
        patternIdentifiers(property.type === 'Property' ? property.value : property),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => patternIdentifiers(element));
    case 'RestElement':
      return patternIdentifiers(pattern.argument);
    case 'AssignmentPattern':
      return patternIdentifiers(pattern.left);
    default:
      return [];
  }
}

function isReferenceSlot({ parent, key }: NodeSlot): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return key !== 'property' || parent.computed;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return key !== 'key' || parent.computed;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key !== 'label';
    case 'MetaProperty':
      return false;
    default:
      return true;
  }
}

/** The API name of a `require('name')` call with one string literal, else undefined. */
export function requiredApi(node: AnyNode | null | undefined): string | undefined {
  if (!node || node.type !== 'CallExpression') return undefined;
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const [argument] = node.arguments;
  if (node.arguments.length !== 1 || argument?.type !== 'Literal') return undefined;
  return typeof argument.value === 'string' ? argument.value : undefined;
}

function bindApi(node: AnyNode, bindings: Map<string, string>): void {
  if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
    const api = requiredApi(node.init);
    if (api !== undefined) bindings.set(node.id.name, api);
  }
  if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') {
    const api = requiredApi(node.right);
    if (api !== undefined) bindings.set(node.left.name, api);
  }
}

function collectDefinedProperty(node: AnyNode, names: Set<string>): void {
  if (node.type === 'Property' && !node.computed) {
    const name = propertyKeyName(node.key);
    if (name !== undefined) names.add(name);
  }
  const isMemberWrite =
    node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression';
  if (isMemberWrite && node.left.type === 'MemberExpression' && !node.left.computed) {
    const name = propertyKeyName(node.left.property);
    if (name !== undefined) names.add(name);
  }
}

/** The name of a non-computed key or member property (`a` in `{a: 1}`, `x.a`, `{'a': 1}`). */
export function propertyKeyName(node: AnyNode): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return undefined;
}

/** Where a node starts, as a place in the code section (1-based line and column). */
export function codePlace(node: AnyNode): ProblemPlace {
  const start = node.loc?.start ?? { line: 1, column: 0 };
  return { kind: 'code', line: start.line, column: start.column + 1 };
}
