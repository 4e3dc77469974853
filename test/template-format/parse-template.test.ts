import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';
import { bodies, exportOrder, templateText, type BodyName } from './template-texts.js';

function parsedOk(text: string) {
  const result = parseTemplate(text, 'pixel.tpl');
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

describe('parseTemplate reads every section', () => {
  it('reads all nine markers of web and server templates', () => {
    const web = parsedOk(templateText(exportOrder));
    expect(web.sections.map((section) => section.name)).toEqual(exportOrder);
    expect(web.template.context).toBe('web');
    expect(web.template.kind).toBe('TAG');
    expect(web.template.info['displayName']).toBe('Pixel');
    expect(web.template.parameters).toEqual([
      { type: 'TEXT', name: 'url', displayName: 'URL', simpleValueType: true },
    ]);
    expect(web.template.code).toBe(bodies.SANDBOXED_JS_FOR_WEB_TEMPLATE);
    expect(web.template.permissions[0]?.instance.key.publicId).toBe('send_pixel');
    expect(web.template.tests.scenarios).toEqual([
      {
        name: 'Sends the pixel',
        code: "runCode({url: 'https://collect.tagwarden.example/p'});\nassertApi('gtmOnSuccess').wasCalled();",
      },
    ]);
    expect(web.template.notes).toBe(bodies.NOTES);
    expect(web.termsOfService).toBe(bodies.TERMS_OF_SERVICE);

    const serverInfo = bodies.INFO.replace('"WEB"', '"SERVER"');
    const server = parsedOk(
      ['INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_SERVER', 'SERVER_PERMISSIONS', 'TESTS']
        .map((name) => {
          const body =
            name === 'INFO'
              ? serverInfo
              : name === 'SANDBOXED_JS_FOR_SERVER'
                ? 'data.gtmOnSuccess();'
                : name === 'SERVER_PERMISSIONS'
                  ? '[]'
                  : bodies[name as BodyName];
          return `___${name}___\n\n${body}\n\n\n`;
        })
        .join(''),
    );
    expect(server.template.context).toBe('server');
    expect(server.template.code).toBe('data.gtmOnSuccess();');
  });

  it.each([
    ['GTM export order', exportOrder],
    [
      'notes before tests',
      [
        'INFO',
        'TEMPLATE_PARAMETERS',
        'SANDBOXED_JS_FOR_WEB_TEMPLATE',
        'WEB_PERMISSIONS',
        'NOTES',
        'TESTS',
      ] as BodyName[],
    ],
    [
      'permissions before code',
      [
        'TERMS_OF_SERVICE',
        'INFO',
        'TEMPLATE_PARAMETERS',
        'WEB_PERMISSIONS',
        'SANDBOXED_JS_FOR_WEB_TEMPLATE',
        'TESTS',
      ] as BodyName[],
    ],
    ['reverse order', [...exportOrder].reverse()],
  ])('reads the sections in any order: %s', (_, order) => {
    const result = parsedOk(templateText(order));
    expect(result.sections.map((section) => section.name)).toEqual(order);
    expect(result.template.code).toBe(bodies.SANDBOXED_JS_FOR_WEB_TEMPLATE);
    expect(result.template.tests.scenarios).toHaveLength(1);
  });

  it('strips the BOM GTM writes before the first marker', () => {
    const result = parsedOk('\uFEFF' + templateText(exportOrder));
    expect(result.sections[0]?.name).toBe('TERMS_OF_SERVICE');
    expect(result.template.info['type']).toBe('TAG');
  });

  it('reads CRLF files as LF, keeping line numbers', () => {
    const text = templateText(exportOrder);
    const result = parsedOk(text.replace(/\n/g, '\r\n'));
    expect(result.template.code).toBe(bodies.SANDBOXED_JS_FOR_WEB_TEMPLATE);
    expect(result.template.code).not.toContain('\r');
    expect(result.sections).toEqual(parsedOk(text).sections);
  });

  it('ignores text before the first marker and trims stray spaces around markers', () => {
    const text =
      '// Licensed under the Apache License, Version 2.0.\n// ___NOT_A_MARKER___ in a comment\n\n' +
      templateText(exportOrder).replace('___INFO___', '  ___INFO___\t ');
    const result = parsedOk(text);
    expect(result.template.info['displayName']).toBe('Pixel');
    expect(result.sections.find((section) => section.name === 'INFO')?.markerLine).toBe(
      text.split('\n').findIndex((line) => line.includes('___INFO___')) + 1,
    );
  });

  it('gives each section its marker line and the line its body starts on', () => {
    const result = parsedOk(templateText(exportOrder));
    const lines = templateText(exportOrder).split('\n');
    for (const section of result.sections) {
      expect(lines[section.markerLine - 1]).toBe(`___${section.name}___`);
      expect(lines[section.bodyLine - 1]).toBe(section.body.split('\n')[0]);
    }
  });

  it('reads missing optional sections as empty: no tests, notes, permissions or terms', () => {
    const result = parsedOk(
      templateText(['INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE']),
    );
    expect(result.template.tests).toEqual({ scenarios: [], setup: '' });
    expect(result.template.notes).toBe('');
    expect(result.template.permissions).toEqual([]);
    expect(result.termsOfService).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('reads a hand-written permission entry without a versionId, and refuses one that is not text', () => {
    const order: BodyName[] = ['INFO', 'SANDBOXED_JS_FOR_WEB_TEMPLATE', 'WEB_PERMISSIONS'];
    const withVersion = (versionId: unknown) =>
      templateText(order).replace(
        '"versionId": "1"',
        versionId === undefined ? '"x": 0' : `"versionId": ${JSON.stringify(versionId)}`,
      );

    expect(parsedOk(withVersion(undefined)).template.permissions[0]?.instance.key.publicId).toBe(
      'send_pixel',
    );
    expect(parseTemplate(withVersion(1), 'pixel.tpl').ok).toBe(false);
  });

  it('reads a missing parameters section as [] with a warning', () => {
    const result = parsedOk(templateText(['INFO', 'SANDBOXED_JS_FOR_WEB_TEMPLATE']));
    expect(result.template.parameters).toEqual([]);
    expect(result.warnings.map((warning) => warning.ruleId)).toEqual(['format/missing-parameters']);
  });

  it("undoes GTM's Gson-style escapes in JSON sections", () => {
    const info = bodies.INFO.replace(
      '"Pixel"',
      '"Pixel \\u003cbeta\\u003e \\u0027a\\u0027 \\u003d b"',
    );
    expect(parsedOk(templateText(exportOrder, { INFO: info })).template.info['displayName']).toBe(
      "Pixel <beta> 'a' = b",
    );
  });

  it('takes the context from the code section, with a warning, when INFO has no containerContexts', () => {
    const info = JSON.stringify({ type: 'MACRO', displayName: 'Legacy' });
    const result = parsedOk(
      templateText(['INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE'], {
        INFO: info,
      }),
    );
    expect(result.template.context).toBe('web');
    expect(result.warnings.map((warning) => warning.ruleId)).toEqual([
      'format/info-context-inferred',
    ]);
  });

  it('warns about, and ignores, sections of the other container type and unknown markers', () => {
    const text =
      templateText(exportOrder) +
      '___SERVER_PERMISSIONS___\n\n[]\n\n\n___SANDBOXED_JS_FOR_TAG_TEMPLATE___\n';
    const result = parsedOk(text);
    expect(result.warnings.map((warning) => warning.ruleId)).toEqual([
      'format/unknown-marker',
      'format/other-context-section',
    ]);
    expect(result.template.permissions).toHaveLength(1);
  });
});

describe('parseTemplate reads both YAML styles of ___TESTS___', () => {
  const code =
    "const mockData = {\n  url: 'https://collect.tagwarden.example/p'\n};\nrunCode(mockData);\nassertApi('gtmOnSuccess').wasCalled();";
  const setup = "const JSON = require('JSON');\nconst log = [];";

  it.each([
    [
      'the literal |- blocks people write',
      [
        'scenarios:',
        '- name: Sends the pixel',
        '  code: |-',
        ...code.split('\n').map((line) => `    ${line}`),
        'setup: |-',
        ...setup.split('\n').map((line) => `  ${line}`),
      ].join('\n'),
    ],
    [
      "GTM's double-quoted scalars folded with backslashes",
      [
        'scenarios:',
        '- name: Sends the pixel',
        "  code: \"const mockData = {\\n  url: 'https://collect.tagwarden.example/p'\\n};\\nrunCode(mockData);\\n\\",
        "    assertApi('gtmOnSuccess').wasCalled();\"",
        "setup: \"const JSON = require('JSON');\\nconst\\",
        '  \\ log = [];"',
      ].join('\n'),
    ],
  ])('reads %s', (_, tests) => {
    const result = parsedOk(templateText(exportOrder, { TESTS: tests }));
    expect(result.template.tests).toEqual({
      scenarios: [{ name: 'Sends the pixel', code }],
      setup,
    });
  });

  it('warns about keys GTM does not read, and reads scenarios and setup as usual', () => {
    const result = parsedOk(
      templateText(exportOrder, { TESTS: "scenarios: []\nsetup: ''\nteardown: runCode({});" }),
    );
    expect(result.warnings.map((warning) => [warning.ruleId, warning.severity])).toEqual([
      ['format/unknown-test-key', 'warning'],
    ]);
    expect(result.template.tests).toEqual({ scenarios: [], setup: '' });
  });

  it('reads a scenario name that YAML sees as a number as text, and `scenarios: []` as none', () => {
    const numbered = parsedOk(
      templateText(exportOrder, { TESTS: 'scenarios:\n- name: 2024\n  code: runCode({});' }),
    );
    expect(numbered.template.tests.scenarios).toEqual([{ name: '2024', code: 'runCode({});' }]);
    const none = parsedOk(templateText(exportOrder, { TESTS: 'scenarios: []' }));
    expect(none.template.tests).toEqual({ scenarios: [], setup: '' });
  });
});

describe('parseTemplate reports problems with the file, the section, a line and a hint', () => {
  function errorsOf(text: string) {
    const result = parseTemplate(text, 'broken.tpl');
    if (result.ok) throw new Error('expected the parse to fail');
    return result.errors;
  }
  const lineOf = (text: string, needle: string) =>
    text.split('\n').findIndex((line) => line.includes(needle)) + 1;

  it('points at the line of a JSON syntax error inside a section', () => {
    const parameters =
      '[\n  {\n    "type": "TEXT",\n    "name": "url"\n    "displayName": "URL"\n  }\n]';
    const text = templateText(exportOrder, { TEMPLATE_PARAMETERS: parameters });
    const [error] = errorsOf(text);
    expect(error).toMatchObject({
      ruleId: 'format/json-syntax',
      severity: 'error',
      file: 'broken.tpl',
      section: 'TEMPLATE_PARAMETERS',
      line: lineOf(text, '"displayName": "URL"'),
    });
    expect(error?.hint).toMatch(/comma/);
  });

  it('points at the line of a YAML syntax error in the tests', () => {
    const tests = 'scenarios:\n- name: Sends\n  code: |-\n    runCode({});\n name: misindented';
    const text = templateText(exportOrder, { TESTS: tests });
    const [error] = errorsOf(text);
    expect(error).toMatchObject({
      ruleId: 'format/yaml-syntax',
      section: 'TESTS',
      line: lineOf(text, 'misindented'),
    });
  });

  it.each([
    ['no markers at all', 'const x = 1;', 'format/not-a-template'],
    [
      'no INFO',
      templateText(['TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE']),
      'format/missing-section',
    ],
    [
      'no code section',
      templateText(['INFO', 'TEMPLATE_PARAMETERS', 'TESTS']),
      'format/missing-section',
    ],
    ['a duplicated section', templateText([...exportOrder, 'NOTES']), 'format/duplicate-section'],
    ['INFO that is a list', templateText(exportOrder, { INFO: '[]' }), 'format/section-shape'],
    [
      'an unknown template type',
      templateText(exportOrder, { INFO: bodies.INFO.replace('"TAG"', '"VARIABLE"') }),
      'format/info',
    ],
    [
      'a CLIENT in a web container',
      templateText(exportOrder, { INFO: bodies.INFO.replace('"TAG"', '"CLIENT"') }),
      'format/info',
    ],
    [
      'parameters that are an object',
      templateText(exportOrder, { TEMPLATE_PARAMETERS: '{}' }),
      'format/section-shape',
    ],
    [
      'a permission value of an unknown type',
      templateText(exportOrder, {
        WEB_PERMISSIONS: bodies.WEB_PERMISSIONS.replace('"type": 1', '"type": 5'),
      }),
      'format/permission-entry',
    ],
    [
      'a map value with fewer values than keys',
      templateText(exportOrder, {
        WEB_PERMISSIONS:
          '[{"instance": {"key": {"publicId": "logging", "versionId": "1"}, "param": [{"key": "k", "value": {"type": 3, "mapKey": [{"type": 1, "string": "a"}], "mapValue": []}}]}}]',
      }),
      'format/permission-entry',
    ],
    [
      'a scenario without code',
      templateText(exportOrder, { TESTS: 'scenarios:\n- name: Empty' }),
      'format/section-shape',
    ],
    [
      'tests that are a list',
      templateText(exportOrder, { TESTS: '- a\n- b' }),
      'format/section-shape',
    ],
  ])('fails on %s', (_, text, ruleId) => {
    const errors = errorsOf(text);
    expect(errors.map((error) => error.ruleId)).toContain(ruleId);
    for (const error of errors) {
      expect(error.file).toBe('broken.tpl');
      expect(error.line).toBeGreaterThan(0);
      expect(error.hint.length).toBeGreaterThan(10);
    }
  });

  it('accepts look-alikes of those problems: a valid map value, a scenario with empty code', () => {
    const permissions =
      '[{"instance": {"key": {"publicId": "logging", "versionId": "1"}, "param": [{"key": "k", "value": {"type": 3, "mapKey": [{"type": 1, "string": "a"}], "mapValue": [{"type": 8, "boolean": true}]}}]}}]';
    expect(parseTemplate(templateText(exportOrder, { WEB_PERMISSIONS: permissions })).ok).toBe(
      true,
    );
    expect(
      parseTemplate(templateText(exportOrder, { TESTS: "scenarios:\n- name: Empty\n  code: ''" }))
        .ok,
    ).toBe(true);
  });
});
