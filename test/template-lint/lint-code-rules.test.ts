import { describe, expect, it } from 'vitest';
import { lintShape, ruleIdsOf, textFields, type TemplateShape } from './make-template.js';

const macro = (code: string, extra: Partial<TemplateShape> = {}): TemplateShape => ({
  kind: 'MACRO',
  code,
  ...extra,
});

// One rule per row: a template that breaks it (only it) and a look-alike that is clean.
const rows: Array<{
  ruleId: string;
  positive: TemplateShape;
  negative: TemplateShape;
  says: RegExp;
}> = [
  {
    ruleId: 'stdlib/undocumented-method',
    positive: macro("const event = { id: 1 };\nreturn event.hasOwnProperty('id');"),
    negative: macro(
      "const text = { startsWith: function () {\n  return true;\n} };\nreturn text.startsWith('a');",
    ),
    says: /hasOwnProperty/,
  },
  {
    ruleId: 'stdlib/unavailable-method',
    positive: macro("return ['EUR', 'USD'].includes('EUR');"),
    negative: macro(
      "const Object = require('Object');\nreturn ['EUR', 'USD'].indexOf('EUR') !== -1 && Object.keys({ a: 1 }).length > 0;",
    ),
    says: /includes/,
  },
  {
    ruleId: 'globals/host-global',
    positive: macro("return parseInt('42', 10);"),
    negative: macro(
      "const makeInteger = require('makeInteger');\nconst window = { parseInt: 1 };\nreturn makeInteger('42') + window.parseInt;",
    ),
    says: /parseInt/,
  },
  {
    ruleId: 'globals/undeclared',
    positive: macro('return total + 1;'),
    negative: macro('const total = 1;\nreturn total + 1 + data;'),
    says: /`total` is not declared/,
  },
  {
    ruleId: 'require/non-literal',
    positive: macro(
      "const name = 'makeString';\nconst makeString = require(name);\nreturn makeString(1);",
    ),
    negative: macro(
      "const makeString = require('makeString');\nconst requireName = 'x';\nreturn makeString(requireName);",
    ),
    says: /string literal/,
  },
  {
    ruleId: 'require/unknown-api',
    positive: macro("const sendBeacon = require('sendBeacon');\nreturn sendBeacon;"),
    negative: macro(
      "const JSON = require('JSON');\nreturn JSON.stringify({ beacon: 'sendBeacon' });",
    ),
    says: /'sendBeacon' is not an API/,
  },
  {
    ruleId: 'require/wrong-context',
    positive: macro("const sendHttpRequest = require('sendHttpRequest');\nreturn sendHttpRequest;"),
    negative: macro(
      "const sendHttpRequest = require('sendHttpRequest');\nreturn sendHttpRequest;",
      { context: 'server', permissions: { send_http: { allowedUrls: 'any' } } },
    ),
    says: /only in server templates/,
  },
  {
    ruleId: 'require/unknown-member',
    positive: macro("const Math = require('Math');\nreturn Math.random();"),
    negative: macro(
      "const Math = require('Math');\nconst numbers = { random: 4 };\nreturn Math.floor(1.5) + numbers.random;",
    ),
    says: /Math has no member `random`/,
  },
  {
    ruleId: 'permissions/missing',
    positive: macro("const getUrl = require('getUrl');\nreturn getUrl();"),
    negative: macro("const getUrl = require('getUrl');\nreturn getUrl();", {
      permissions: { get_url: { urlParts: 'any' } },
    }),
    says: /needs the get_url permission/,
  },
  {
    ruleId: 'permissions/unused',
    positive: macro("const makeString = require('makeString');\nreturn makeString(1);", {
      permissions: { read_title: {} },
    }),
    negative: macro("const readTitle = require('readTitle');\nreturn readTitle();", {
      permissions: { read_title: {} },
    }),
    says: /read_title permission is granted but no required API needs it/,
  },
  {
    ruleId: 'data/unknown-parameter',
    positive: macro('return data.endpiont;', { parameters: textFields('endpoint') }),
    negative: macro("return data.endpoint + data['endpoint'];", {
      parameters: textFields('endpoint'),
    }),
    says: /No field is named `endpiont`/,
  },
];

describe('the code rules beyond syntax', () => {
  it.each(rows.map((row) => [row.ruleId, row] as const))(
    '%s flags what it should, and only that',
    (ruleId, row) => {
      const findings = lintShape(row.positive);
      expect(ruleIdsOf(findings)).toEqual([ruleId]);
      expect(findings[0]?.message).toMatch(row.says);
      expect(findings[0]?.hint.length).toBeGreaterThan(10);
    },
  );

  it.each(rows.map((row) => [row.ruleId, row] as const))(
    '%s leaves its look-alike alone',
    (_, row) => {
      expect(ruleIdsOf(lintShape(row.negative))).toEqual([]);
    },
  );
});

describe('rule details', () => {
  it('suggests the API for a host global and the require line for an API used without one', () => {
    const [consoleFinding] = lintShape(macro("console.log('x');\nreturn 1;"));
    expect(consoleFinding?.hint).toMatch(/logToConsole/);
    const [apiFinding] = lintShape(macro("return getCookieValues('_ga');"));
    expect(apiFinding).toMatchObject({
      ruleId: 'globals/undeclared',
      hint: "Add const getCookieValues = require('getCookieValues'); at the top.",
    });
  });

  it('suggests the right spelling of an API name', () => {
    const [finding] = lintShape(macro("const json = require('json');\nreturn json;"));
    expect(finding?.hint).toMatch(/Did you mean 'JSON'\?/);
  });

  it('flags require used as a value', () => {
    expect(ruleIdsOf(lintShape(macro("const load = require;\nreturn load('JSON');")))).toEqual([
      'require/non-literal',
    ]);
  });

  it('names the web API a server template cannot use', () => {
    const findings = lintShape(
      macro("const sendPixel = require('sendPixel');\nreturn sendPixel;", { context: 'server' }),
    );
    expect(findings[0]?.message).toMatch(/'sendPixel' exists only in web templates/);
  });

  it('points an unused permission at its entry in the permissions section', () => {
    const findings = lintShape(
      macro('return 1;', { permissions: { read_title: {}, logging: { environments: 'debug' } } }),
    );
    expect(findings.map((finding) => [finding.ruleId, finding.section])).toEqual([
      ['permissions/unused', 'WEB_PERMISSIONS'],
      ['permissions/unused', 'WEB_PERMISSIONS'],
    ]);
    expect(findings[1]?.line).toBeGreaterThan(findings[0]?.line ?? Infinity);
  });

  it.each([
    [
      'a GROUP sub-field',
      [
        {
          type: 'GROUP',
          name: 'advanced',
          displayName: 'Advanced',
          subParams: textFields('timeout'),
        },
      ],
      'return data.timeout;',
    ],
    [
      'a SELECT sub-field',
      [
        {
          type: 'SELECT',
          name: 'mode',
          displayName: 'Mode',
          selectItems: [],
          subParams: textFields('custom'),
        },
      ],
      'return data.custom;',
    ],
    [
      'a RADIO item sub-field',
      [
        {
          type: 'RADIO',
          name: 'option',
          displayName: 'Option',
          radioItems: [{ value: 'key', displayValue: 'Key', subParams: textFields('keyName') }],
        },
      ],
      'return data.keyName;',
    ],
    [
      'a table',
      [
        {
          type: 'SIMPLE_TABLE',
          name: 'rows',
          displayName: 'Rows',
          simpleTableColumns: [{ type: 'TEXT', name: 'value', displayName: 'Value' }],
        },
      ],
      'return data.rows;',
    ],
    [
      'a computed key the check cannot know',
      textFields('a'),
      "const key = 'b';\nreturn data[key];",
    ],
  ])('accepts data reads of %s', (_, parameters, code) => {
    expect(ruleIdsOf(lintShape(macro(code, { parameters })))).toEqual([]);
  });

  it('says when code reads a table column as if it were a field', () => {
    const parameters = [
      {
        type: 'PARAM_TABLE',
        name: 'mappings',
        displayName: 'Mappings',
        paramTableColumns: [
          { param: { type: 'TEXT', name: 'source', displayName: 'Source' }, isUnique: true },
        ],
      },
    ];
    const [finding] = lintShape(macro('return data.source;', { parameters }));
    expect(finding).toMatchObject({
      ruleId: 'data/unknown-parameter',
      message: '`source` is a column of the table `mappings`, not a key of data.',
    });
  });

  it('accepts gtmOnSuccess and gtmOnFailure in tags only', () => {
    expect(ruleIdsOf(lintShape({ kind: 'TAG', code: 'data.gtmOnSuccess();' }))).toEqual([]);
    const [finding] = lintShape(macro('data.gtmOnSuccess();\nreturn 1;'));
    expect(finding).toMatchObject({
      ruleId: 'data/unknown-parameter',
      message: expect.stringMatching(/only in tag templates/) as unknown,
    });
  });
});
