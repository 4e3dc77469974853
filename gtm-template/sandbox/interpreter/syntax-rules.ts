/**
 * What the sandbox refuses at parse time, one row per construct (reference §2.3).
 *
 * `documented` rows are forbidden by Google's documentation and cannot be switched on.
 * `unverified` rows had zero uses across 142 real templates but no documentation says so;
 * they are errors by default and a `SyntaxPolicy` may allow one once it is confirmed in the
 * GTM editor. The interpreter runs the allowable constructs it implements (marked `runs`);
 * allowing one it does not implement still fails, at run time, with a clear message.
 */
export interface SyntaxRule {
  id: SyntaxRuleId;
  status: 'documented' | 'unverified';
  /** Whether the interpreter can run the construct once a policy allows it. */
  runs: boolean;
  message: string;
}

export type SyntaxRuleId =
  | 'new'
  | 'this'
  | 'regex-literal'
  | 'delete'
  | 'try'
  | 'throw'
  | 'template-literal'
  | 'spread'
  | 'rest-parameter'
  | 'destructuring'
  | 'default-parameter'
  | 'computed-key'
  | 'shorthand-property'
  | 'method-shorthand'
  | 'class'
  | 'getter-setter'
  | 'generator'
  | 'async'
  | 'exponent'
  | 'optional-chaining'
  | 'nullish-coalescing'
  | 'logical-assignment'
  | 'label'
  | 'do-while'
  | 'instanceof'
  | 'with'
  | 'eval'
  | 'debugger'
  | 'bigint'
  | 'meta-property'
  | 'import';

/** Rule ids the caller allows; everything else in the table stays an error. */
export type SyntaxPolicy = { allow?: readonly SyntaxRuleId[] };

function rule(
  id: SyntaxRuleId,
  status: SyntaxRule['status'],
  runs: boolean,
  message: string,
): SyntaxRule {
  return { id, status, runs, message };
}

export const syntaxRules: Record<SyntaxRuleId, SyntaxRule> = {
  new: rule('new', 'documented', false, "the 'new' keyword is not supported"),
  this: rule('this', 'documented', false, "the 'this' keyword is not supported"),
  'regex-literal': rule(
    'regex-literal',
    'documented',
    false,
    'regular expression literals are not supported; string methods take a pattern string',
  ),
  delete: rule(
    'delete',
    'documented',
    false,
    "the 'delete' operator is not supported; use require('Object').delete(object, key)",
  ),
  try: rule('try', 'unverified', true, "'try' statements are not supported"),
  throw: rule('throw', 'unverified', true, "'throw' statements are not supported"),
  'template-literal': rule(
    'template-literal',
    'unverified',
    true,
    'template literals are not supported; join strings with +',
  ),
  spread: rule('spread', 'unverified', true, "spread syntax '...' is not supported"),
  'rest-parameter': rule(
    'rest-parameter',
    'unverified',
    true,
    "rest parameters '...' are not supported; use 'arguments'",
  ),
  destructuring: rule('destructuring', 'unverified', false, 'destructuring is not supported'),
  'default-parameter': rule(
    'default-parameter',
    'unverified',
    true,
    'default parameter values are not supported',
  ),
  'computed-key': rule(
    'computed-key',
    'unverified',
    true,
    'computed keys in object literals are not supported; assign with obj[key] = value',
  ),
  'shorthand-property': rule(
    'shorthand-property',
    'unverified',
    true,
    "shorthand properties '{ name }' are not supported; write '{ name: name }'",
  ),
  'method-shorthand': rule(
    'method-shorthand',
    'unverified',
    true,
    "method shorthand '{ f() {} }' is not supported; write '{ f: function () {} }'",
  ),
  class: rule('class', 'unverified', false, 'classes are not supported'),
  'getter-setter': rule(
    'getter-setter',
    'unverified',
    false,
    'getters and setters are not supported',
  ),
  generator: rule('generator', 'unverified', false, 'generator functions are not supported'),
  async: rule(
    'async',
    'unverified',
    false,
    "'async' and 'await' are not supported; use require('Promise')",
  ),
  exponent: rule(
    'exponent',
    'unverified',
    true,
    "the '**' operator is not supported; use Math.pow",
  ),
  'optional-chaining': rule(
    'optional-chaining',
    'unverified',
    true,
    "optional chaining '?.' is not supported",
  ),
  'nullish-coalescing': rule(
    'nullish-coalescing',
    'unverified',
    true,
    "the '??' operator is not supported",
  ),
  'logical-assignment': rule(
    'logical-assignment',
    'unverified',
    true,
    "the '&&=', '||=' and '??=' operators are not supported",
  ),
  label: rule('label', 'unverified', false, 'labels are not supported'),
  'do-while': rule('do-while', 'unverified', true, "'do … while' loops are not supported"),
  instanceof: rule('instanceof', 'unverified', false, "the 'instanceof' operator is not supported"),
  with: rule('with', 'unverified', false, "'with' statements are not supported"),
  eval: rule('eval', 'unverified', false, "'eval' is not available"),
  debugger: rule('debugger', 'unverified', false, "'debugger' statements are not supported"),
  bigint: rule('bigint', 'unverified', false, 'BigInt literals are not supported'),
  'meta-property': rule(
    'meta-property',
    'unverified',
    false,
    "'new.target' and 'import.meta' are not supported",
  ),
  import: rule('import', 'unverified', false, "'import' is not supported; use require()"),
};

/** True when the policy lets the construct through (documented rows never are). */
export function isAllowed(id: SyntaxRuleId, policy: SyntaxPolicy | undefined): boolean {
  const entry = syntaxRules[id];
  if (entry.status === 'documented') return false;
  return policy?.allow?.includes(id) ?? false;
}
