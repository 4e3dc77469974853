import { describe, expect, it } from 'vitest';
import { parseSandboxedCode } from '../../gtm-template/sandbox/interpreter/parse-sandboxed-code.js';
import {
  syntaxRules,
  type SyntaxRuleId,
} from '../../gtm-template/sandbox/interpreter/syntax-rules.js';

// Each row: the rule, code using the construct on line 2, and the column where it starts.
const forbidden: Array<[SyntaxRuleId, string, number]> = [
  ['new', 'var x = 1;\nvar d = new Date();', 9],
  ['this', 'var x = 1;\nvar self = this;', 12],
  ['regex-literal', 'var x = 1;\nvar r = /ab+c/i;', 9],
  ['delete', 'var o = {a: 1};\ndelete o.a;', 1],
  ['try', 'var x = 1;\ntry { x = 2; } catch (e) {}', 1],
  ['throw', 'var x = 1;\nthrow "stop";', 1],
  ['template-literal', 'var x = 1;\nvar s = `a${x}`;', 9],
  ['spread', 'var a = [1];\nvar b = [0, ...a];', 13],
  ['rest-parameter', 'var x = 1;\nfunction f(...rest) {}', 12],
  ['destructuring', 'var o = {a: 1};\nvar {a} = o;', 5],
  ['default-parameter', 'var x = 1;\nfunction f(a = 1) {}', 12],
  ['computed-key', 'var k = "a";\nvar o = {[k]: 1};', 10],
  ['shorthand-property', 'var a = 1;\nvar o = {a};', 10],
  ['method-shorthand', 'var x = 1;\nvar o = {m() {}};', 10],
  ['class', 'var x = 1;\nclass Foo {}', 1],
  ['getter-setter', 'var x = 1;\nvar o = {get a() { return 1; }};', 10],
  ['generator', 'var x = 1;\nfunction* g() {}', 1],
  ['async', 'var x = 1;\nasync function f() {}', 1],
  ['exponent', 'var x = 1;\nvar y = 2 ** 3;', 9],
  ['optional-chaining', 'var o = {};\nvar y = o?.a;', 9],
  ['nullish-coalescing', 'var o = null;\nvar y = o ?? 1;', 9],
  ['logical-assignment', 'var o = null;\no ??= 1;', 1],
  ['label', 'var x = 1;\nouter: for (;;) { break outer; }', 1],
  ['do-while', 'var x = 1;\ndo { x++; } while (x < 3);', 1],
  ['instanceof', 'var x = [];\nvar y = x instanceof Foo;', 9],
  ['with', 'var o = {};\nwith (o) {}', 1],
  ['eval', 'var x = 1;\neval("1");', 1],
  ['debugger', 'var x = 1;\ndebugger;', 1],
  ['bigint', 'var x = 1;\nvar big = 10n;', 11],
  ['meta-property', 'var x = 1;\nfunction f() { return new.target; }', 23],
  ['import', 'var x = 1;\nimport("x");', 1],
];

describe('syntax GTM refuses is refused at parse time', () => {
  it.each(forbidden)('%s is an error with its message and place', (rule, code, column) => {
    const parsed = parseSandboxedCode(code);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const problem = parsed.problems.find((candidate) => candidate.rule === rule);
    expect(problem, JSON.stringify(parsed.problems)).toMatchObject({
      message: syntaxRules[rule].message,
      line: 2,
      column,
    });
  });

  it('lists every refused construct of a file, in source order', () => {
    const parsed = parseSandboxedCode('var d = new Date();\nvar r = /x/;\nvar self = this;');
    expect(parsed.ok ? [] : parsed.problems.map((problem) => problem.rule)).toEqual([
      'new',
      'regex-literal',
      'this',
    ]);
  });

  it('look-alikes are not refused: "new" in a string, a property called delete, division', () => {
    const code =
      'var o = {}; o.delete = "new this"; var n = 6 / 2 / 3; var s = "/regex/"; return o["class"];';
    expect(parseSandboxedCode(code).ok).toBe(true);
  });

  it('arrow functions, let/const, for…in/of, typeof and top-level return parse', () => {
    const code =
      'const f = (x) => x; let y = 1; for (var k in {}) {} for (const v of []) {} return typeof f;';
    expect(parseSandboxedCode(code).ok).toBe(true);
  });
});

describe('the syntax policy', () => {
  it('an unverified construct can be allowed', () => {
    expect(parseSandboxedCode('var s = `a`;', { allow: ['template-literal'] }).ok).toBe(true);
  });

  it.each(['new', 'this', 'regex-literal', 'delete'] as SyntaxRuleId[])(
    'documented refusal %s cannot be allowed',
    (rule) => {
      const code = {
        new: 'new Foo();',
        this: 'this;',
        'regex-literal': '/a/;',
        delete: 'delete x.y;',
      }[rule as string]!;
      expect(parseSandboxedCode(code, { allow: [rule] }).ok).toBe(false);
    },
  );

  it('every rule is either documented or unverified, and documented ones are the four §2.3 names', () => {
    const documented = Object.values(syntaxRules).filter((rule) => rule.status === 'documented');
    expect(documented.map((rule) => rule.id).sort()).toEqual([
      'delete',
      'new',
      'regex-literal',
      'this',
    ]);
  });
});

describe('code that does not parse', () => {
  it('a syntax error names its line and column', () => {
    const parsed = parseSandboxedCode('var ok = 1;\nvar = 2;');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems[0]).toMatchObject({ rule: 'syntax', line: 2, column: 5 });
  });

  it('nesting deep enough to exhaust a recursive parser is a problem, not a crash', () => {
    const parsed = parseSandboxedCode(`${'('.repeat(50_000)}1${')'.repeat(50_000)}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.rule).toBe('nesting');
  });

  it('nesting past the evaluator limit is refused before it runs', () => {
    const parsed = parseSandboxedCode(`return ${'['.repeat(1_200)}${']'.repeat(1_200)};`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.some((problem) => problem.rule === 'nesting')).toBe(true);
  });
});
