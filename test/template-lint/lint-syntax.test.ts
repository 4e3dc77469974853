import { describe, expect, it } from 'vitest';
import { lintRules } from '../../gtm-template/sandbox/lint/lint-rules.js';
import { writeTemplate } from '../../gtm-template/sandbox/format/write-template.js';
import { lintTemplate } from '../../gtm-template/sandbox/lint/lint-template.js';
import { lintShape, makeTemplate, ruleIdsOf } from './make-template.js';

// Each rule with code that breaks it and a look-alike that must pass clean. The code is a
// variable's (a MACRO needs no gtmOnSuccess), so the look-alikes have no findings at all.
const rows: Array<{ ruleId: string; positive: string; negative: string }> = [
  {
    ruleId: 'syntax/new',
    positive: "const Object = require('Object');\nreturn new Object();",
    negative: "const item = { new: true, renew: 'newest' };\nreturn item.new;",
  },
  {
    ruleId: 'syntax/this',
    positive: 'function total() {\n  return this.value;\n}\nreturn total();',
    negative: "const self = { thisValue: 'this' };\nreturn self.thisValue;",
  },
  {
    ruleId: 'syntax/regex',
    positive: "return 'a1b2'.replace(/[0-9]/, '');",
    negative: "const half = 4 / 2 / 1;\nreturn 'a/1/b'.split('/').length + half;",
  },
  {
    ruleId: 'syntax/delete',
    positive: 'const item = { id: 1 };\ndelete item.id;\nreturn item;',
    negative:
      "const Object = require('Object');\nconst item = { id: 1, deleted: false };\nObject.delete(item, 'id');\nreturn item;",
  },
  {
    ruleId: 'syntax/class',
    positive: 'class Basket {}\nreturn 1;',
    negative: "const className = 'Basket';\nreturn className;",
  },
  {
    ruleId: 'syntax/import',
    positive: "import('https://cdn.tagwarden.example/x.js');\nreturn 1;",
    negative: 'const importance = 1;\nreturn importance;',
  },
  {
    ruleId: 'syntax/try-throw',
    positive: 'try {\n  return 1;\n} catch (error) {\n  return 2;\n}',
    negative: "return 'try { throw 1; } catch (e) {}';",
  },
  {
    ruleId: 'syntax/template-literal',
    positive: 'const id = 7;\nreturn `item-${id}`;',
    negative: "const id = 7;\nreturn 'item-${id}' + id;",
  },
  {
    ruleId: 'syntax/spread-rest',
    positive: 'const items = [1, 2];\nreturn [...items];',
    negative: "const items = [1, 2];\nreturn items.concat(['...']);",
  },
  {
    ruleId: 'syntax/destructuring',
    positive: 'const event = { name: "a" };\nconst { name } = event;\nreturn name;',
    negative: "const event = { name: 'a' };\nconst name = event.name;\nreturn name;",
  },
  {
    ruleId: 'syntax/default-parameter',
    positive: 'function label(text = "none") {\n  return text;\n}\nreturn label();',
    negative:
      "function label(text) {\n  text = text || 'none';\n  return text;\n}\nreturn label();",
  },
  {
    ruleId: 'syntax/computed-key',
    positive: "const key = 'currency';\nconst event = { [key]: 'EUR' };\nreturn event;",
    negative: "const key = 'currency';\nconst event = {};\nevent[key] = 'EUR';\nreturn event;",
  },
  {
    ruleId: 'syntax/accessor',
    positive: 'const cart = {\n  get total() {\n    return 1;\n  },\n};\nreturn cart;',
    negative: 'const cart = {\n  get: function () {\n    return 1;\n  },\n};\nreturn cart.get();',
  },
  {
    ruleId: 'syntax/generator',
    positive: 'function* ids() {\n  yield 1;\n}\nreturn 1;',
    negative: 'const yieldRate = 2;\nreturn yieldRate * 3;',
  },
  {
    ruleId: 'syntax/async',
    positive: 'async function load() {\n  return 1;\n}\nreturn 1;',
    negative: 'const asyncMode = true;\nreturn asyncMode;',
  },
  {
    ruleId: 'syntax/exponent',
    positive: 'return 2 ** 10;',
    negative: "const Math = require('Math');\nreturn Math.pow(2, 10) * 2;",
  },
  {
    ruleId: 'syntax/optional-chaining',
    positive: 'const event = {};\nreturn event?.items;',
    negative: 'const event = {};\nreturn event ? event.items : undefined;',
  },
  {
    ruleId: 'syntax/nullish-coalescing',
    positive: 'const value = null;\nreturn value ?? 0;',
    negative: 'const value = null;\nreturn value || 0;',
  },
  {
    ruleId: 'syntax/label',
    positive: 'outer: for (let i = 0; i < 2; i++) {\n  break outer;\n}\nreturn 1;',
    negative: 'const labels = { outer: 1 };\nreturn labels.outer;',
  },
  {
    ruleId: 'syntax/do-while',
    positive: 'let count = 0;\ndo {\n  count++;\n} while (count < 3);\nreturn count;',
    negative: 'let count = 0;\nwhile (count < 3) {\n  count++;\n}\nreturn count;',
  },
  {
    ruleId: 'syntax/instanceof',
    positive: 'const items = [];\nconst Kind = {};\nreturn items instanceof Kind;',
    negative: "const getType = require('getType');\nreturn getType([]) === 'array';",
  },
  {
    ruleId: 'syntax/with',
    positive: 'const event = { name: 1 };\nwith (event) {\n  name;\n}\nreturn 1;',
    negative: 'const event = { name: 1 };\nconst withName = event.name;\nreturn withName;',
  },
  {
    ruleId: 'syntax/unlisted',
    positive: 'const currency = "EUR";\nreturn { currency };',
    negative: 'const currency = "EUR";\nreturn { currency: currency };',
  },
  { ruleId: 'syntax/parse', positive: 'return (;', negative: "return '(';" },
];

const severityOf = new Map(lintRules.map((rule) => [rule.id, rule.severity]));

describe('the sandbox syntax rules', () => {
  it.each(rows.map((row) => [row.ruleId, row] as const))(
    '%s flags the feature with the severity of the rule table',
    (ruleId, row) => {
      const findings = lintShape({ kind: 'MACRO', code: row.positive }).filter(
        (finding) => finding.ruleId === ruleId,
      );
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0]?.severity).toBe(severityOf.get(ruleId));
      expect(findings[0]?.section).toBe('SANDBOXED_JS_FOR_WEB_TEMPLATE');
      expect(findings[0]?.hint).not.toBe('');
    },
  );

  it.each(rows.map((row) => [row.ruleId, row] as const))(
    '%s leaves its look-alike alone',
    (_, row) => {
      expect(ruleIdsOf(lintShape({ kind: 'MACRO', code: row.negative }))).toEqual([]);
    },
  );

  it('errs on what Google documents as absent and only warns on what is merely unseen', () => {
    for (const ruleId of [
      'syntax/new',
      'syntax/this',
      'syntax/regex',
      'syntax/delete',
      'syntax/class',
    ]) {
      expect(severityOf.get(ruleId)).toBe('error');
    }
    for (const ruleId of [
      'syntax/try-throw',
      'syntax/template-literal',
      'syntax/spread-rest',
      'syntax/optional-chaining',
      'syntax/with',
    ]) {
      expect(severityOf.get(ruleId)).toBe('warning');
    }
  });

  it('places a finding on its line and column of the .tpl file', () => {
    const code =
      "const Object = require('Object');\n\nconst empty =   new Object();\nreturn empty;";
    const text = writeTemplate(makeTemplate({ kind: 'MACRO', code }));

    const [finding] = lintTemplate(text, 'test.tpl').filter((item) => item.ruleId === 'syntax/new');

    expect(text.split('\n')[(finding?.line ?? 0) - 1]).toBe('const empty =   new Object();');
    expect(finding?.column).toBe(17);
  });
});
