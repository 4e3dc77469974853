import type { FindingSeverity } from '../format/template-finding.js';

/** One lint rule: its id, how much it matters and what it checks (one line, for the README). */
export interface LintRule {
  id: string;
  severity: FindingSeverity;
  summary: string;
}

// Severity follows the evidence in the reference notes (reference §2.3, §2.4): what Google
// documents as absent is an error; what is merely unseen in 142 real templates (0 uses, not
// documented either way) is a warning until someone confirms it in GTM's editor.
const rules = [
  // Documented absent [D sandboxed-javascript]: "There is no new keyword", no `this`.
  rule('syntax/new', 'error', '`new` (and `new.target`): the sandbox has no constructors.'),
  rule('syntax/this', 'error', '`this`: sandboxed functions have no `this`.'),
  // 0 uses in 142 files, and the APIs exist precisely to replace them [C, T]: regex → the
  // string methods or createRegex/testRegex; delete → Object.delete.
  rule('syntax/regex', 'error', 'Regular expression literals `/…/`.'),
  rule('syntax/delete', 'error', 'The `delete` operator (use `Object.delete(object, key)`).'),
  // A class cannot be used without `new` and `this`, both documented absent.
  rule('syntax/class', 'error', 'Class declarations and expressions.'),
  // Code is a function body and every API comes from require() [D]: there is no module loader.
  rule('syntax/import', 'error', '`import()` expressions.'),
  rule('syntax/parse', 'error', 'Code that does not parse as JavaScript.'),
  // Unverified [C 0 uses, U]: warnings, not errors.
  rule(
    'syntax/try-throw',
    'warning',
    '`try`/`catch`/`finally` and `throw` (0 uses in 142 real templates).',
  ),
  rule('syntax/template-literal', 'warning', 'Template literals `` `…${}` ``.'),
  rule('syntax/spread-rest', 'warning', 'Spread and rest `...`.'),
  rule('syntax/destructuring', 'warning', 'Destructuring patterns.'),
  rule('syntax/default-parameter', 'warning', 'Default values for parameters and patterns.'),
  rule('syntax/computed-key', 'warning', 'Computed keys `{[key]: value}`.'),
  rule('syntax/accessor', 'warning', 'Getters and setters in object literals.'),
  rule('syntax/generator', 'warning', 'Generator functions and `yield`.'),
  rule('syntax/async', 'warning', '`async` functions and `await` (use the Promise API).'),
  rule('syntax/exponent', 'warning', 'The `**` operator (use `Math.pow`).'),
  rule('syntax/optional-chaining', 'warning', 'Optional chaining `?.`.'),
  rule('syntax/nullish-coalescing', 'warning', 'The `??` operator.'),
  rule('syntax/label', 'warning', 'Labelled statements.'),
  rule('syntax/do-while', 'warning', '`do … while` loops.'),
  rule('syntax/instanceof', 'warning', 'The `instanceof` operator (use `getType`).'),
  rule('syntax/with', 'warning', '`with` statements.'),
  rule(
    'syntax/unlisted',
    'warning',
    'Other syntax beyond ES5.1 + arrows + let/const (shorthand properties, methods, logical assignment, `void`, `debugger`, BigInt).',
  ),
  // [D standard-library]: the documented methods; hasOwnProperty and startsWith are
  // undocumented yet used by 27 and 2 published templates [C], so they only warn.
  rule(
    'stdlib/undocumented-method',
    'warning',
    '`hasOwnProperty` / `startsWith`: undocumented, used in published templates.',
  ),
  rule(
    'stdlib/unavailable-method',
    'error',
    'Built-in methods outside the documented standard library (`includes`, `find`, `toFixed`…).',
  ),
  // [D]: no global scope; everything comes from require().
  rule(
    'globals/host-global',
    'error',
    'Browser or JavaScript globals (`window`, `console`, `parseInt`, `String()`…).',
  ),
  rule(
    'globals/undeclared',
    'error',
    'Names that are neither declared nor provided (`data`, `require`).',
  ),
  rule('require/non-literal', 'error', '`require` called with anything but one string literal.'),
  rule('require/unknown-api', 'error', '`require` of a name no container provides.'),
  rule(
    'require/wrong-context',
    'error',
    '`require` of an API that exists only in the other container type.',
  ),
  rule(
    'require/unknown-member',
    'error',
    'A member an API object does not have (`Math.random`, `JSON.foo`).',
  ),
  rule(
    'permissions/missing',
    'error',
    'An API is required but its permission is not in the permissions section.',
  ),
  rule('permissions/unused', 'warning', 'A permission that no required API needs.'),
  rule('data/unknown-parameter', 'error', '`data.x` where no field is named `x`.'),
  rule(
    'tag/never-completes',
    'error',
    'A tag path that certainly ends without `data.gtmOnSuccess()` or `data.gtmOnFailure()`.',
  ),
  rule(
    'tag/completion-unproven',
    'warning',
    'A tag path where the check cannot prove either callback is reached.',
  ),
  rule('params/unknown-type', 'error', 'A field `type` other than the eight GTM knows.'),
  rule(
    'params/missing-key',
    'error',
    'A field without `type`, `name`, `displayName` or its items/columns.',
  ),
  rule('params/validator', 'error', 'A malformed `valueValidators` entry (arguments, regex).'),
  rule(
    'params/unknown-validator',
    'warning',
    'A validator `type` not among those seen in real templates.',
  ),
  rule(
    'params/enabling-condition',
    'error',
    'An `enablingConditions` entry naming no field, or malformed.',
  ),
  rule(
    'params/duplicate-name',
    'error',
    'Two fields (or two columns of a table) with the same name.',
  ),
  rule('params/name-case', 'warning', 'A field name that is not camelCase.'),
  rule('tests/syntax', 'error', 'A test scenario (with its setup) that does not parse.'),
  rule('gallery/metadata-missing', 'warning', 'A gallery folder without `metadata.yaml`.'),
  rule(
    'gallery/metadata-invalid',
    'error',
    '`metadata.yaml` with bad YAML, missing or misspelt keys, or malformed versions.',
  ),
  rule('gallery/license', 'warning', '`LICENSE` missing or not the Apache License 2.0.'),
  rule('gallery/info', 'warning', '`___INFO___` without gallery `categories` or `brand`.'),
  rule('gallery/terms-of-service', 'warning', 'No `___TERMS_OF_SERVICE___` section.'),
] as const;

export type LintRuleId = (typeof rules)[number]['id'];

/** Every lint rule, in the order the README lists them. */
export const lintRules: readonly LintRule[] = rules;

const severities = new Map<string, FindingSeverity>(rules.map((item) => [item.id, item.severity]));

/** The severity a rule's findings carry. */
export function severityOf(ruleId: LintRuleId): FindingSeverity {
  return severities.get(ruleId) ?? 'error';
}

/**
 * Findings the parser and the build report before any lint rule runs: a file they cannot read
 * is not linted further. Listed for the README; the parser and the build set these severities.
 */
export const formatRules: readonly LintRule[] = [
  rule('format/not-a-template', 'error', 'No section markers at all.'),
  rule(
    'format/missing-section',
    'error',
    'No `___INFO___`, or no code section for the container context.',
  ),
  rule(
    'format/missing-parameters',
    'warning',
    'No `___TEMPLATE_PARAMETERS___` section (read as `[]`).',
  ),
  rule('format/duplicate-section', 'error', 'A section marker that appears twice.'),
  rule('format/json-syntax', 'error', 'A JSON section (or source file) that does not parse.'),
  rule('format/yaml-syntax', 'error', '`___TESTS___` (or a YAML source file) that does not parse.'),
  rule(
    'format/section-shape',
    'error',
    'A section of the wrong shape (INFO not an object, scenarios without code…).',
  ),
  rule('format/permission-entry', 'error', "A permission entry or TypedValue not in GTM's shape."),
  rule('format/info', 'error', '`___INFO___.type` or `containerContexts` missing or unknown.'),
  rule(
    'format/info-context-inferred',
    'warning',
    'No `containerContexts`; the code section decided the context.',
  ),
  rule(
    'format/unknown-marker',
    'warning',
    'A line shaped like a marker that names no GTM section.',
  ),
  rule(
    'format/other-context-section',
    'warning',
    'A code or permissions section of the other container type (ignored).',
  ),
  rule(
    'format/unknown-test-key',
    'warning',
    'A `___TESTS___` key other than `scenarios` and `setup`.',
  ),
  rule('build/missing-source', 'error', 'A source folder without `template.js` or `info.json`.'),
  rule('build/permissions', 'error', 'A `permissions.yaml` entry with no TypedValue form.'),
  rule(
    'build/marker-in-text',
    'error',
    'Code or notes with a line that would read as a section marker.',
  ),
];

function rule<Id extends string>(id: Id, severity: FindingSeverity, summary: string) {
  return { id, severity, summary };
}
