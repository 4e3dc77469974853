import { catalogueNames } from '../apis/api-catalogue.js';
import type { ContainerContext } from '../contract.js';
import { codePlace, type CodeFacts } from './code-facts.js';
import type { LintProblem } from './lint-problem.js';

// What the sandbox itself provides without require(): the `data` parameter, require, the
// `arguments` of a function, and the value names of ES5.1 (reference §1.4, §2.1, §2.3).
const provided = new Set(['data', 'require', 'arguments', 'undefined', 'NaN', 'Infinity']);

// Globals people reach for, and what the sandbox offers instead (reference §2.1, §3).
const hostGlobals: ReadonlyMap<string, string> = new Map([
  [
    'window',
    'Read page globals with copyFromWindow, call them with callInWindow (access_globals permission).',
  ],
  ['document', 'There is no DOM access; read the title with readTitle and the URL with getUrl.'],
  ['location', 'Use getUrl (web) or getRequestPath / getRequestQueryString (server).'],
  ['navigator', 'Read what you need from the page with copyFromWindow.'],
  ['console', "Use const logToConsole = require('logToConsole') (logging permission)."],
  ['setTimeout', "Use const callLater = require('callLater')."],
  ['setInterval', 'There are no timers; use callLater for work after the current code.'],
  ['fetch', 'Use sendHttpRequest (server), or sendPixel / injectScript (web).'],
  ['XMLHttpRequest', 'Use sendHttpRequest (server), or sendPixel / injectScript (web).'],
  [
    'localStorage',
    "Use const localStorage = require('localStorage') (access_local_storage permission).",
  ],
  ['sessionStorage', 'There is no sessionStorage; use templateStorage or localStorage.'],
  ['globalThis', 'There is no global object; use copyFromWindow for page globals.'],
  ['self', 'There is no global object; use copyFromWindow for page globals.'],
  ['eval', 'Code generation is not available.'],
  ['Function', 'Code generation is not available; write a function expression.'],
  ['parseInt', "Use const makeInteger = require('makeInteger')."],
  ['parseFloat', "Use const makeNumber = require('makeNumber')."],
  ['isNaN', "Compare with itself (x !== x) or check getType(x) === 'number'."],
  ['isFinite', "Use getType(x) === 'number' and compare with Infinity."],
  ['String', "Use const makeString = require('makeString')."],
  ['Number', "Use const makeNumber = require('makeNumber')."],
  ['Boolean', 'Use !!value.'],
  ['Array', "Use an array literal [] and getType(x) === 'array'."],
  ['Object', "Use const Object = require('Object') for keys/values/entries/freeze/delete."],
  ['JSON', "Use const JSON = require('JSON')."],
  ['Math', "Use const Math = require('Math')."],
  ['Date', "Use const getTimestampMillis = require('getTimestampMillis')."],
  ['RegExp', 'Use string methods, or createRegex/testRegex on server.'],
  ['Promise', "Use const Promise = require('Promise') (server)."],
  ['Symbol', 'Symbols are not available.'],
  ['Map', 'Use an object literal as a map.'],
  ['Set', 'Use an object literal with true values as a set.'],
  ['Error', 'Call data.gtmOnFailure() instead of raising errors.'],
  ['encodeURIComponent', "Use const encodeUriComponent = require('encodeUriComponent')."],
  ['encodeURI', "Use const encodeUri = require('encodeUri')."],
  ['decodeURIComponent', "Use const decodeUriComponent = require('decodeUriComponent')."],
  ['decodeURI', "Use const decodeUri = require('decodeUri')."],
  ['btoa', "Use const toBase64 = require('toBase64')."],
  ['atob', "Use const fromBase64 = require('fromBase64')."],
  ['alert', 'There is no UI access; log with logToConsole.'],
]);

/**
 * Names the code reads or writes that nothing declares: host globals (the sandbox has no global
 * scope, reference §2.1) and plain undeclared names, which would fail when the line runs.
 */
export function checkGlobals(facts: CodeFacts, context: ContainerContext): LintProblem[] {
  const apis = new Set(catalogueNames(context));
  const problems: LintProblem[] = [];
  const reported = new Set<string>();
  for (const reference of facts.references) {
    const { name } = reference;
    if (provided.has(name) || facts.declaredNames.has(name) || reported.has(name)) continue;
    reported.add(name);
    const instead = hostGlobals.get(name);
    if (instead !== undefined) {
      problems.push({
        ruleId: 'globals/host-global',
        place: codePlace(reference),
        message: `\`${name}\` is a host global; sandboxed code has no global scope.`,
        hint: instead,
      });
      continue;
    }
    problems.push({
      ruleId: 'globals/undeclared',
      place: codePlace(reference),
      message: `\`${name}\` is not declared.`,
      hint: apis.has(name)
        ? `Add const ${name} = require('${name}'); at the top.`
        : `Declare it with const or let, or check the spelling.`,
    });
  }
  return problems;
}
