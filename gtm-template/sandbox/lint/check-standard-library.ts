import type { AnyNode } from 'acorn';
import { codePlace, propertyKeyName, type CodeFacts } from './code-facts.js';
import type { LintProblem } from './lint-problem.js';
import { walkAst } from './walk-ast.js';

// The documented built-in methods (reference §2.4, [D] standard-library page), plus the methods
// of the Promises that server APIs return.
const documented = new Set([
  // Array
  'concat',
  'every',
  'filter',
  'forEach',
  'indexOf',
  'join',
  'lastIndexOf',
  'map',
  'pop',
  'push',
  'reduce',
  'reduceRight',
  'reverse',
  'shift',
  'slice',
  'some',
  'sort',
  'splice',
  'toString',
  'unshift',
  // String
  'charAt',
  'match',
  'replace',
  'search',
  'split',
  'substring',
  'toLowerCase',
  'toLocaleLowerCase',
  'toUpperCase',
  'toLocaleUpperCase',
  'trim',
  // Promise (server)
  'then',
  'catch',
  'finally',
]);

// Undocumented, yet used by published gallery templates: hasOwnProperty in 27 files,
// startsWith in stape's data client [C, reference §2.4].
const undocumentedButUsed = new Set(['hasOwnProperty', 'startsWith']);

// Built-in methods of modern JavaScript that the documented library leaves out; 0 uses across
// 142 real templates for the commonest of them [C, reference §2.4].
const unavailable = new Set([
  'includes',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flat',
  'flatMap',
  'fill',
  'copyWithin',
  'keys',
  'values',
  'entries',
  'at',
  'toSorted',
  'toReversed',
  'toSpliced',
  'with',
  'toFixed',
  'toPrecision',
  'toExponential',
  'charCodeAt',
  'codePointAt',
  'substr',
  'padStart',
  'padEnd',
  'endsWith',
  'repeat',
  'normalize',
  'localeCompare',
  'trimStart',
  'trimEnd',
  'trimLeft',
  'trimRight',
  'matchAll',
  'replaceAll',
  'call',
  'apply',
  'bind',
  'valueOf',
  'toLocaleString',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'test',
  'exec',
]);

/**
 * Method calls on values (`text.includes(…)`, `list.find(…)`) against the standard library the
 * sandbox documents. Calls on API objects are the require check's business; a method name the
 * template defines itself (`helpers.find = …`) is left alone.
 */
export function checkStandardLibrary(facts: CodeFacts): LintProblem[] {
  const problems: LintProblem[] = [];
  walkAst(facts.program, (node) => {
    const method = calledMethod(node, facts);
    if (!method || documented.has(method.name) || facts.definedPropertyNames.has(method.name))
      return;
    if (undocumentedButUsed.has(method.name)) {
      problems.push({
        ruleId: 'stdlib/undocumented-method',
        place: codePlace(method.node),
        message: `\`.${method.name}()\` is not in the documented standard library (published templates use it).`,
        hint:
          method.name === 'startsWith'
            ? 'Prefer text.indexOf(prefix) === 0, which is documented.'
            : "Prefer getType(object[key]) !== 'undefined', or keep it knowing GTM does not document it.",
      });
    } else if (unavailable.has(method.name)) {
      problems.push({
        ruleId: 'stdlib/unavailable-method',
        place: codePlace(method.node),
        message: `\`.${method.name}()\` is not in the sandbox's standard library.`,
        hint: alternativeFor(method.name),
      });
    }
  });
  return problems;
}

function calledMethod(
  node: AnyNode,
  facts: CodeFacts,
): { name: string; node: AnyNode } | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return undefined;
  const member = node.callee;
  if (member.computed) return undefined;
  const object = member.object;
  if (
    object.type === 'Identifier' &&
    (object.name === 'data' || facts.apiBindings.has(object.name))
  ) {
    return undefined;
  }
  const name = propertyKeyName(member.property);
  return name === undefined ? undefined : { name, node: member.property };
}

function alternativeFor(method: string): string {
  if (method === 'includes') return 'Use indexOf(value) !== -1.';
  if (method === 'find' || method === 'findIndex') return 'Use filter(…)[0], or a for loop.';
  if (method === 'keys' || method === 'values' || method === 'entries')
    return `Use require('Object').${method}(object).`;
  if (method === 'toFixed') return 'Round with Math.round(x * 100) / 100 (Math from require).';
  if (method === 'substr') return 'Use substring(start, end) or slice.';
  if (method === 'endsWith') return 'Compare text.slice(-suffix.length) === suffix.';
  if (method === 'test' || method === 'exec')
    return 'Use testRegex(createRegex(pattern), text) on server, or string methods.';
  return 'Rewrite with the documented methods (reference: the sandbox standard library).';
}
