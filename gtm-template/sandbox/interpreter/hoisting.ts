import type { FunctionDeclaration, Node, Statement, VariableDeclaration } from 'acorn';

/** What a function body or block declares before its first statement runs. */
export interface Declarations {
  /** `var` names of a function body, found through nested blocks and loops. */
  varNames: string[];
  /** `let`/`const` names declared directly in this body or block. */
  lexical: Array<{ name: string; isConstant: boolean }>;
  /** Function declarations directly in this body or block: initialised on entry. */
  functions: FunctionDeclaration[];
}

const cache = new WeakMap<Node, Declarations>();
const empty: Declarations = { varNames: [], lexical: [], functions: [] };

/** The declarations of a function body (`isFunctionBody`) or a block, computed once per node. */
export function declarationsOf(
  owner: Node,
  statements: readonly Node[],
  isFunctionBody: boolean,
): Declarations {
  const cached = cache.get(owner);
  if (cached !== undefined) return cached;

  const declarations: Declarations = { varNames: [], lexical: [], functions: [] };
  for (const statement of statements) {
    if (statement.type === 'FunctionDeclaration')
      declarations.functions.push(statement as FunctionDeclaration);
    if (statement.type === 'VariableDeclaration')
      addLexical(statement as VariableDeclaration, declarations);
  }
  if (isFunctionBody) {
    const names = new Set<string>();
    for (const statement of statements) collectVarNames(statement as Statement, names);
    declarations.varNames = [...names];
  }
  const result =
    declarations.varNames.length + declarations.lexical.length + declarations.functions.length === 0
      ? empty
      : declarations;
  cache.set(owner, result);
  return result;
}

function addLexical(declaration: VariableDeclaration, declarations: Declarations): void {
  if (declaration.kind === 'var') return;
  for (const declarator of declaration.declarations) {
    if (declarator.id.type !== 'Identifier') continue;
    declarations.lexical.push({
      name: declarator.id.name,
      isConstant: declaration.kind === 'const',
    });
  }
}

// Walks statements only (never into nested functions); an explicit stack keeps it flat.
function collectVarNames(root: Statement, names: Set<string>): void {
  const stack: Array<Node | null | undefined> = [root];
  while (stack.length > 0) {
    const node = stack.pop() as (Node & Record<string, unknown>) | null | undefined;
    if (!node) continue;
    switch (node.type) {
      case 'VariableDeclaration': {
        const declaration = node as unknown as VariableDeclaration;
        if (declaration.kind !== 'var') break;
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier') names.add(declarator.id.name);
        }
        break;
      }
      case 'IfStatement':
        stack.push(node.consequent as Node, node.alternate as Node | null);
        break;
      case 'ForStatement':
        stack.push(node.init as Node | null, node.body as Node);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        stack.push(node.left as Node, node.body as Node);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'LabeledStatement':
        stack.push(node.body as Node);
        break;
      case 'BlockStatement':
        stack.push(...(node.body as Node[]));
        break;
      case 'SwitchStatement':
        for (const switchCase of node.cases as Array<{ consequent: Node[] }>)
          stack.push(...switchCase.consequent);
        break;
      case 'TryStatement':
        stack.push(
          node.block as Node,
          (node.handler as { body: Node } | null)?.body,
          node.finalizer as Node | null,
        );
        break;
      default:
        break;
    }
  }
}
