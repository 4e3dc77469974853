import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedTemplate, TypedValue } from '../../gtm-template/sandbox/contract.js';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';
import { writeTemplate } from '../../gtm-template/sandbox/format/write-template.js';

const examplesFolder = 'gtm-template/examples';

function parsedOk(text: string) {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

const smallTag: ParsedTemplate = {
  context: 'web',
  kind: 'TAG',
  info: { type: 'TAG', displayName: 'Pixel', containerContexts: ['WEB'] },
  parameters: [{ type: 'TEXT', name: 'url', displayName: 'URL' }],
  code: "const sendPixel = require('sendPixel');\nsendPixel(data.url, data.gtmOnSuccess, data.gtmOnFailure);",
  permissions: [],
  tests: { scenarios: [{ name: 'Sends', code: 'runCode({});' }], setup: '' },
  notes: '',
};

describe('writeTemplate', () => {
  it("writes GTM's layout: BOM, then marker, blank line, body, two blank lines for each section", () => {
    const text = writeTemplate(smallTag, { termsOfService: 'Terms.' });

    expect(
      text.startsWith(
        '\uFEFF___TERMS_OF_SERVICE___\n\nTerms.\n\n\n___INFO___\n\n{\n  "type": "TAG",',
      ),
    ).toBe(true);
    expect(text).toContain('\n\n\n___SANDBOXED_JS_FOR_WEB_TEMPLATE___\n\nconst sendPixel');
    expect(
      text.endsWith('___TESTS___\n\nscenarios:\n- name: Sends\n  code: runCode({});\n\n\n'),
    ).toBe(true);
  });

  it('leaves out empty permissions and notes, and the terms unless given, as GTM does', () => {
    const text = writeTemplate(smallTag);
    expect(text).not.toContain('___WEB_PERMISSIONS___');
    expect(text).not.toContain('___NOTES___');
    expect(text).not.toContain('___TERMS_OF_SERVICE___');
  });

  it('writes the code and permissions sections of the template context', () => {
    const server = writeTemplate({
      ...smallTag,
      context: 'server',
      permissions: [{ instance: { key: { publicId: 'logging', versionId: '1' }, param: [] } }],
    });
    expect(server).toContain('___SANDBOXED_JS_FOR_SERVER___');
    expect(server).toContain('___SERVER_PERMISSIONS___');
    expect(server).not.toContain('___SANDBOXED_JS_FOR_WEB_TEMPLATE___');
    expect(server).not.toContain('___WEB_PERMISSIONS___');
  });

  it('writes multi-line test code as literal |- blocks', () => {
    const text = writeTemplate({
      ...smallTag,
      tests: {
        scenarios: [
          { name: 'Two lines', code: "runCode({});\nassertApi('gtmOnSuccess').wasCalled();" },
        ],
        setup: 'const a = 1;',
      },
    });
    expect(text).toContain(
      "- name: Two lines\n  code: |-\n    runCode({});\n    assertApi('gtmOnSuccess').wasCalled();\nsetup: const a = 1;",
    );
  });

  it.each(readdirSync(examplesFolder))(
    'gives back the bytes of the example %s after a parse',
    (name) => {
      const bytes = readFileSync(`${examplesFolder}/${name}/template.tpl`, 'utf8');
      const parsed = parsedOk(bytes);
      expect(writeTemplate(parsed.template, { termsOfService: parsed.termsOfService })).toBe(bytes);
    },
  );

  it('round-trips any template it writes: parse(write(x)) is x and write(parse(text)) is the text', () => {
    fc.assert(
      fc.property(
        templateArbitrary,
        fc.option(textArbitrary, { nil: undefined }),
        (template, terms) => {
          const options = terms === undefined ? {} : { termsOfService: terms };
          const text = writeTemplate(template, options);
          const parsed = parsedOk(text);

          expect(parsed.template).toEqual(template);
          expect(parsed.termsOfService).toBe(terms);
          expect(writeTemplate(parsed.template, options)).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });
});

// Text as sections hold it after the writer's normalisation: LF, no blank first or last line,
// and no line that would read as a marker.
const lineArbitrary = fc
  .string({
    unit: fc.constantFrom(
      'a',
      'b',
      ' ',
      '\t',
      '"',
      "'",
      '\\',
      ':',
      '#',
      '-',
      '|',
      '{',
      '}',
      '[',
      ']',
      'é',
      '😀',
      '_',
      '<',
      '\u2028',
    ),
    maxLength: 12,
  })
  .filter((line) => !/^\s*___[A-Za-z0-9_]+?___\s*$/.test(line));
const textArbitrary = fc
  .array(lineArbitrary, { maxLength: 5 })
  .map((lines) => lines.join('\n'))
  .filter(
    (text) =>
      (text === text.replace(/^(\s*\n)+/, '').replace(/(\n\s*)+$/, '') && text.trim() !== '') ||
      text === '',
  );

const jsonValue: fc.Arbitrary<unknown> = fc
  .jsonValue({ maxDepth: 2 })
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown);

const typedValue: fc.Arbitrary<TypedValue> = fc.letrec<{ value: TypedValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string().map((string): TypedValue => ({ type: 1, string })),
    fc.boolean().map((boolean): TypedValue => ({ type: 8, boolean })),
    fc.array(tie('value'), { maxLength: 3 }).map((listItem): TypedValue => ({ type: 2, listItem })),
    fc.array(fc.tuple(fc.string(), tie('value')), { maxLength: 3 }).map((pairs): TypedValue => ({
      type: 3,
      mapKey: pairs.map(([key]) => ({ type: 1, string: key })),
      mapValue: pairs.map(([, value]) => value),
    })),
  ),
})).value;

const templateArbitrary: fc.Arbitrary<ParsedTemplate> = fc
  .record({
    context: fc.constantFrom('web' as const, 'server' as const),
    kind: fc.constantFrom('TAG' as const, 'MACRO' as const, 'CLIENT' as const),
    extraInfo: fc.dictionary(fc.string({ maxLength: 6 }), jsonValue, { maxKeys: 3 }),
    parameters: fc.array(jsonValue, { maxLength: 3 }),
    code: textArbitrary,
    permissions: fc.array(
      fc.record({
        publicId: fc.string({ minLength: 1 }),
        param: fc.array(fc.record({ key: fc.string(), value: typedValue }), { maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
    scenarios: fc.array(
      fc.record({ name: fc.string({ unit: 'binary' }), code: fc.string({ unit: 'binary' }) }),
      { maxLength: 3 },
    ),
    setup: fc.string({ unit: 'binary' }),
    notes: textArbitrary,
  })
  .filter(({ kind, context }) => !(kind === 'CLIENT' && context === 'web'))
  .map((parts) => ({
    context: parts.context,
    kind: parts.kind,
    info: {
      ...parts.extraInfo,
      type: parts.kind,
      containerContexts: [parts.context.toUpperCase()],
    },
    parameters: parts.parameters,
    code: parts.code,
    permissions: parts.permissions.map(({ publicId, param }) => ({
      instance: { key: { publicId, versionId: '1' }, param },
    })),
    tests: { scenarios: parts.scenarios, setup: parts.setup },
    notes: parts.notes,
  }));
