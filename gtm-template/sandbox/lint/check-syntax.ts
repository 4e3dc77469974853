import type { AnyNode } from 'acorn';
import { codePlace, type CodeFacts } from './code-facts.js';
import type { LintProblem } from './lint-problem.js';
import type { LintRuleId } from './lint-rules.js';
import { walkAst } from './walk-ast.js';

type Verdict = { ruleId: LintRuleId; what: string; hint: string };

/**
 * The sandbox's syntax allow-list (reference §2.3): ES5.1 plus arrows and let/const. Each node
 * that goes beyond it gets the rule for that feature; the rule table decides error or warning.
 */
export function checkSyntax(facts: CodeFacts): LintProblem[] {
  const problems: LintProblem[] = [];
  walkAst(facts.program, (node, slot) => {
    const isPattern = slot.parent?.type === 'ObjectPattern';
    for (const verdict of verdictsFor(node, isPattern)) {
      problems.push({
        ruleId: verdict.ruleId,
        place: codePlace(node),
        message: `${verdict.what} is not available in sandboxed JavaScript.`,
        hint: verdict.hint,
      });
    }
  });
  return problems;
}

function verdictsFor(node: AnyNode, isInPattern: boolean): Verdict[] {
  const single = singleVerdict(node);
  if (single) return [single];
  // Inside a destructuring pattern the pattern itself is the finding.
  if (node.type === 'Property' && !isInPattern) return propertyVerdicts(node);
  if (isFunction(node)) return functionVerdicts(node);
  return [];
}

// Node types that are beyond the allow-list whatever their contents.
const nodeVerdicts: Partial<Record<AnyNode['type'], Verdict>> = {
  ThisExpression: verdict(
    'syntax/this',
    '`this`',
    'Pass what you need as a parameter, or keep it in a variable of the enclosing function.',
  ),
  NewExpression: verdict(
    'syntax/new',
    '`new`',
    'Build objects with literals `{}` / `[]`; use the APIs (getTimestampMillis, Promise.create, createRegex) instead of constructors.',
  ),
  MetaProperty: verdict(
    'syntax/new',
    '`new.target`',
    'Remove it: sandboxed functions are never called with `new`.',
  ),
  ClassDeclaration: verdict(
    'syntax/class',
    'A class',
    'Use plain functions that return object literals.',
  ),
  ClassExpression: verdict(
    'syntax/class',
    'A class',
    'Use plain functions that return object literals.',
  ),
  ImportExpression: verdict(
    'syntax/import',
    '`import()`',
    "Load APIs with `require('apiName')`; load page scripts with injectScript.",
  ),
  TryStatement: verdict(
    'syntax/try-throw',
    '`try`',
    'Check values before using them (getType, JSON.parse returns undefined on bad input) instead of catching.',
  ),
  ThrowStatement: verdict(
    'syntax/try-throw',
    '`throw`',
    'Call data.gtmOnFailure() and return, or reject a Promise.',
  ),
  TemplateLiteral: verdict(
    'syntax/template-literal',
    'A template literal',
    "Join strings with `+`: 'a' + value + 'b'.",
  ),
  SpreadElement: verdict(
    'syntax/spread-rest',
    '`...`',
    'Copy entries with a loop or concat(); read extra arguments from `arguments`.',
  ),
  RestElement: verdict(
    'syntax/spread-rest',
    '`...`',
    'Copy entries with a loop or concat(); read extra arguments from `arguments`.',
  ),
  ObjectPattern: verdict(
    'syntax/destructuring',
    'Destructuring',
    'Read each property into its own variable: const a = object.a;',
  ),
  ArrayPattern: verdict(
    'syntax/destructuring',
    'Destructuring',
    'Read each element into its own variable: const first = list[0];',
  ),
  AssignmentPattern: verdict(
    'syntax/default-parameter',
    'A default value',
    "Set the default in the body: if (getType(x) === 'undefined') x = …;",
  ),
  YieldExpression: verdict('syntax/generator', '`yield`', 'Build and return an array instead.'),
  AwaitExpression: verdict(
    'syntax/async',
    '`await`',
    'Chain with .then() on the Promise the API returns.',
  ),
  ChainExpression: verdict(
    'syntax/optional-chaining',
    'Optional chaining `?.`',
    'Test each level first: object && object.key.',
  ),
  LabeledStatement: verdict(
    'syntax/label',
    'A labelled statement',
    'Move the inner loop into a function and return from it.',
  ),
  DoWhileStatement: verdict('syntax/do-while', '`do … while`', 'Use a `while` or `for` loop.'),
  WithStatement: verdict('syntax/with', '`with`', 'Name the object on each access.'),
  DebuggerStatement: verdict(
    'syntax/unlisted',
    '`debugger`',
    'Remove it; log with logToConsole instead.',
  ),
};

function singleVerdict(node: AnyNode): Verdict | undefined {
  switch (node.type) {
    case 'Literal':
      return literalVerdict(node);
    case 'UnaryExpression':
      return unaryVerdict(node.operator);
    case 'BinaryExpression':
      return binaryVerdict(node.operator);
    case 'AssignmentExpression':
      return assignmentVerdict(node.operator);
    case 'LogicalExpression':
      return node.operator === '??' ? nullishVerdict() : undefined;
    default:
      return nodeVerdicts[node.type];
  }
}

function literalVerdict(node: AnyNode & { type: 'Literal' }): Verdict | undefined {
  if ('regex' in node && node.regex) {
    return verdict(
      'syntax/regex',
      'A regular expression literal',
      'Use string methods (indexOf, split, replace with a string), or createRegex/testRegex on server.',
    );
  }
  if ('bigint' in node && node.bigint) {
    return verdict(
      'syntax/unlisted',
      'A BigInt literal',
      'Use a number, or keep large ids as strings.',
    );
  }
  return undefined;
}

function unaryVerdict(operator: string): Verdict | undefined {
  if (operator === 'delete') {
    return verdict(
      'syntax/delete',
      '`delete`',
      "Use require('Object').delete(object, key), or build a new object without the key.",
    );
  }
  if (operator === 'void') return verdict('syntax/unlisted', '`void`', 'Write `undefined`.');
  return undefined;
}

function binaryVerdict(operator: string): Verdict | undefined {
  if (operator === '**')
    return verdict('syntax/exponent', '`**`', "Use require('Math').pow(base, exponent).");
  if (operator === 'instanceof')
    return verdict(
      'syntax/instanceof',
      '`instanceof`',
      "Use getType(value) === 'array' (or 'object', 'function'…).",
    );
  return undefined;
}

function assignmentVerdict(operator: string): Verdict | undefined {
  if (operator === '**=')
    return verdict('syntax/exponent', '`**=`', "Use x = require('Math').pow(x, y).");
  if (operator === '??=') return nullishVerdict();
  if (operator === '||=' || operator === '&&=') {
    return verdict(
      'syntax/unlisted',
      `\`${operator}\``,
      `Write it out: x = x ${operator.slice(0, 2)} y.`,
    );
  }
  return undefined;
}

function nullishVerdict(): Verdict {
  return verdict(
    'syntax/nullish-coalescing',
    '`??`',
    "Test explicitly: getType(x) === 'undefined' || x === null ? fallback : x.",
  );
}

function propertyVerdicts(node: AnyNode & { type: 'Property' }): Verdict[] {
  const verdicts: Verdict[] = [];
  if (node.computed)
    verdicts.push(
      verdict(
        'syntax/computed-key',
        'A computed key',
        'Create the object first, then assign: object[key] = value;',
      ),
    );
  if (node.kind === 'get' || node.kind === 'set')
    verdicts.push(
      verdict(
        'syntax/accessor',
        'A getter or setter',
        'Use a plain function property, or compute the value up front.',
      ),
    );
  if (node.shorthand && node.value.type === 'Identifier')
    verdicts.push(
      verdict(
        'syntax/unlisted',
        'A shorthand property',
        'Write the key and the value: {name: name}.',
      ),
    );
  if (node.method)
    verdicts.push(
      verdict(
        'syntax/unlisted',
        'A method definition',
        'Write it as a property: {name: function () { … }}.',
      ),
    );
  return verdicts;
}

function functionVerdicts(node: AnyNode & { generator: boolean; async: boolean }): Verdict[] {
  const verdicts: Verdict[] = [];
  if (node.generator)
    verdicts.push(
      verdict('syntax/generator', 'A generator function', 'Build and return an array instead.'),
    );
  if (node.async)
    verdicts.push(
      verdict(
        'syntax/async',
        'An async function',
        'Return the Promise the API gives and chain with .then().',
      ),
    );
  return verdicts;
}

function isFunction(node: AnyNode): node is AnyNode & { generator: boolean; async: boolean } {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression'
  );
}

function verdict(ruleId: LintRuleId, what: string, hint: string): Verdict {
  return { ruleId, what, hint };
}
