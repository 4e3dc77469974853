import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../../gtm-template/sandbox/build/build-template.js';
import { galleryTermsOfService } from '../../gtm-template/sandbox/build/gallery-terms.js';
import {
  templateSourceFileNames,
  type TemplateSources,
} from '../../gtm-template/sandbox/build/template-sources.js';
import { typedValueOf } from '../../gtm-template/sandbox/build/typed-value-of.js';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';

const examplesFolder = 'gtm-template/examples';

const baseFiles: Record<string, string> = {
  'template.js': "const readTitle = require('readTitle');\n\nreturn readTitle();\n",
  'info.json':
    '{\n  "displayName": "Title",\n  "containerContexts": ["WEB"],\n  "type": "MACRO",\n  "description": "The page title."\n}\n',
  'parameters.json': '[]\n',
  'permissions.yaml':
    'read_title: {}\nlogging:\n  environments: debug\naccess_globals:\n  keys:\n    - key: dataLayer\n      read: true\n      write: false\n',
  'tests.yaml':
    "scenarios:\n  - name: Returns the title\n    code: |-\n      mock('readTitle', 'Shop');\n      assertThat(runCode({})).isEqualTo('Shop');\n",
  'notes.md': 'First version.\n',
};

function sources(
  overrides: Record<string, string | undefined> = {},
  folder = 'title-variable',
): TemplateSources {
  const files = new Map<string, string>();
  for (const [name, text] of Object.entries({ ...baseFiles, ...overrides }))
    if (text !== undefined) files.set(name, text);
  return { folder, files };
}

function builtOk(input: TemplateSources) {
  const result = buildTemplate(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

describe('buildTemplate turns a source folder into a .tpl', () => {
  it("writes GTM's layout with the info keys in GTM's order", () => {
    const { text } = builtOk(sources());
    expect(
      text.startsWith(
        '\uFEFF___INFO___\n\n{\n  "type": "MACRO",\n  "displayName": "Title",\n  "description": "The page title.",\n  "containerContexts": [',
      ),
    ).toBe(true);
    expect(text).toContain(
      "___SANDBOXED_JS_FOR_WEB_TEMPLATE___\n\nconst readTitle = require('readTitle');\n\nreturn readTitle();\n\n\n___WEB_PERMISSIONS___",
    );
    expect(text).toContain(
      "___TESTS___\n\nscenarios:\n- name: Returns the title\n  code: |-\n    mock('readTitle', 'Shop');",
    );
    expect(text.endsWith('___NOTES___\n\nFirst version.\n\n\n')).toBe(true);
  });

  it('turns permissions.yaml into the entries GTM exports, settings as TypedValues in order', () => {
    const { template } = builtOk(sources());
    expect(template.permissions).toEqual([
      {
        instance: { key: { publicId: 'read_title', versionId: '1' }, param: [] },
        clientAnnotations: { isEditedByUser: true },
        isRequired: true,
      },
      {
        instance: {
          key: { publicId: 'logging', versionId: '1' },
          param: [{ key: 'environments', value: { type: 1, string: 'debug' } }],
        },
        clientAnnotations: { isEditedByUser: true },
        isRequired: true,
      },
      {
        instance: {
          key: { publicId: 'access_globals', versionId: '1' },
          param: [
            {
              key: 'keys',
              value: {
                type: 2,
                listItem: [
                  {
                    type: 3,
                    mapKey: [
                      { type: 1, string: 'key' },
                      { type: 1, string: 'read' },
                      { type: 1, string: 'write' },
                    ],
                    mapValue: [
                      { type: 1, string: 'dataLayer' },
                      { type: 8, boolean: true },
                      { type: 8, boolean: false },
                    ],
                  },
                ],
              },
            },
          ],
        },
        clientAnnotations: { isEditedByUser: true },
        isRequired: true,
      },
    ]);
  });

  it('builds a file that parses back to the same template', () => {
    const { text, template } = builtOk(sources());
    const parsed = parseTemplate(text);
    expect(parsed.ok && parsed.template).toEqual(template);
    expect(template.tests.scenarios).toHaveLength(1);
    expect(template.notes).toBe('First version.');
  });

  it('builds the same bytes from CRLF or BOM sources as from LF ones', () => {
    const lf = builtOk(sources()).text;
    const crlf = Object.fromEntries(
      Object.entries(baseFiles).map(([name, text]) => [
        name,
        '\uFEFF' + text.replace(/\n/g, '\r\n'),
      ]),
    );
    expect(builtOk(sources(crlf)).text).toBe(lf);
  });

  it('adds the gallery terms only to folders with a metadata.yaml', () => {
    expect(builtOk(sources()).text).not.toContain('___TERMS_OF_SERVICE___');
    const gallery = builtOk(
      sources({ 'metadata.yaml': 'homepage: https://tagwarden.example\n' }),
    ).text;
    expect(
      gallery.startsWith(
        `\uFEFF___TERMS_OF_SERVICE___\n\n${galleryTermsOfService}\n\n\n___INFO___`,
      ),
    ).toBe(true);
  });

  it("accepts GTM's own permissions.json instead of the YAML form", () => {
    const entries = [
      {
        instance: { key: { publicId: 'read_title', versionId: '1' }, param: [] },
        isRequired: true,
      },
    ];
    const { template } = builtOk(
      sources({ 'permissions.yaml': undefined, 'permissions.json': JSON.stringify(entries) }),
    );
    expect(template.permissions).toEqual(entries);
  });

  it('keeps an info key named __proto__ as data and leaves Object.prototype alone', () => {
    const { template } = builtOk(
      sources({
        'info.json':
          '{"type": "MACRO", "containerContexts": ["WEB"], "__proto__": {"polluted": true}}',
      }),
    );
    expect(Object.keys(template.info)).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(readdirSync(examplesFolder))(
    'the committed %s/template.tpl is what its sources build',
    (name) => {
      const folder = join(examplesFolder, name);
      const files = new Map<string, string>();
      for (const file of templateSourceFileNames) {
        try {
          files.set(file, readFileSync(join(folder, file), 'utf8'));
        } catch {
          // Optional source files may be absent.
        }
      }
      expect(builtOk({ folder, files }).text).toBe(
        readFileSync(join(folder, 'template.tpl'), 'utf8'),
      );
    },
  );
});

describe('buildTemplate names the source file, the line and a fix when sources are wrong', () => {
  it.each([
    [
      'template.js is missing',
      { 'template.js': undefined },
      'build/missing-source',
      'title-variable/template.js',
      1,
    ],
    [
      'info.json is missing',
      { 'info.json': undefined },
      'build/missing-source',
      'title-variable/info.json',
      1,
    ],
    [
      'parameters.json has a syntax error',
      { 'parameters.json': '[\n  {"type": "TEXT",}\n]' },
      'format/json-syntax',
      'title-variable/parameters.json',
      2,
    ],
    [
      'info.json has no type',
      { 'info.json': '{"containerContexts": ["WEB"]}' },
      'format/info',
      'title-variable/info.json',
      1,
    ],
    [
      'permissions.yaml has a setting without a value',
      { 'permissions.yaml': 'read_title: {}\nlogging:\n  environments:\n' },
      'build/permissions',
      'title-variable/permissions.yaml',
      3,
    ],
    [
      'permissions.yaml is a list',
      { 'permissions.yaml': '- read_title\n' },
      'build/permissions',
      'title-variable/permissions.yaml',
      1,
    ],
    [
      'both permission files exist',
      { 'permissions.json': '[]' },
      'format/section-shape',
      'title-variable/permissions.yaml',
      1,
    ],
    [
      'tests.yaml is not YAML',
      { 'tests.yaml': 'scenarios:\n  - name: a\n    code: |-\n      x\n   - name: b\n' },
      'format/yaml-syntax',
      'title-variable/tests.yaml',
      5,
    ],
    [
      'the code holds a line that reads as a marker',
      { 'template.js': 'const a = 1;\n  ___NOTES___\nreturn a;' },
      'build/marker-in-text',
      'title-variable/template.js',
      2,
    ],
  ])('when %s', (_, overrides, ruleId, file, line) => {
    const result = buildTemplate(sources(overrides));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors[0]).toMatchObject({ ruleId, severity: 'error', file, line });
    expect(errors[0]?.section).toBeUndefined();
    expect(errors[0]?.hint.length).toBeGreaterThan(10);
  });
});

describe('typedValueOf', () => {
  it.each([
    ['text', 'any', { type: 1, string: 'any' }],
    ['a number, as text', 443, { type: 1, string: '443' }],
    ['a boolean', false, { type: 8, boolean: false }],
    [
      'a list',
      ['a', true],
      {
        type: 2,
        listItem: [
          { type: 1, string: 'a' },
          { type: 8, boolean: true },
        ],
      },
    ],
    [
      'a map',
      { name: '*', secure: true },
      {
        type: 3,
        mapKey: [
          { type: 1, string: 'name' },
          { type: 1, string: 'secure' },
        ],
        mapValue: [
          { type: 1, string: '*' },
          { type: 8, boolean: true },
        ],
      },
    ],
  ])('converts %s', (_, value, expected) => {
    expect(typedValueOf(value)).toEqual({ ok: true, value: expected });
  });

  it('has no form for null, and says where it is', () => {
    expect(typedValueOf({ urls: ['https://a.example/', null] })).toMatchObject({
      ok: false,
      problem: { path: ['urls', 1] },
    });
  });
});
