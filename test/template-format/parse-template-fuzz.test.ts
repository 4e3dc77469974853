import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';
import { lintTemplate } from '../../gtm-template/sandbox/lint/lint-template.js';
import { exportOrder, templateText } from './template-texts.js';

const markers = [
  '___INFO___',
  '___TEMPLATE_PARAMETERS___',
  '___SANDBOXED_JS_FOR_WEB_TEMPLATE___',
  '___SANDBOXED_JS_FOR_SERVER___',
  '___WEB_PERMISSIONS___',
  '___SERVER_PERMISSIONS___',
  '___TESTS___',
  '___NOTES___',
  '___TERMS_OF_SERVICE___',
];
// Lines that hit the parser's branches: markers, JSON and YAML fragments, hostile keys.
const lineArbitrary = fc.oneof(
  fc.constantFrom(...markers, '  ___INFO___ ', '___UNKNOWN___', '\uFEFF', ''),
  fc.constantFrom(
    '{"type": "TAG", "containerContexts": ["WEB"]}',
    '{"type": "MACRO", "containerContexts": ["SERVER"]}',
    '{"__proto__": {"polluted": true}}',
    '[',
    ']',
    '[]',
    '{',
    '}',
    '"a": 1,',
  ),
  fc.constantFrom(
    'scenarios:',
    '- name: a',
    '  code: |-',
    '    runCode({});',
    'setup: "x\\',
    '  \\ y"',
    '__proto__: {polluted: true}',
    '&a [*a, *a]',
    'constructor: {prototype: {polluted: true}}',
  ),
  fc.constantFrom(
    '[{"instance": {"key": {"publicId": "x", "versionId": "1"}, "param": [{"key": "k", "value": {"type": 3, "mapKey": [], "mapValue": []}}]}}]',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const textArbitrary = fc
  .array(lineArbitrary, { maxLength: 40 })
  .chain((lines) => fc.constantFrom(lines.join('\n'), lines.join('\r\n')));

describe('parseTemplate and lintTemplate on arbitrary input', () => {
  it('never throw and leave Object.prototype clean', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const result = parseTemplate(text, 'fuzz.tpl');
        const findings = result.ok ? result.warnings : result.errors;
        for (const finding of findings) expect(finding.line).toBeGreaterThan(0);
        lintTemplate(text, 'fuzz.tpl');
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('never throw on mutations of a valid template', () => {
    const valid = templateText(exportOrder);
    fc.assert(
      fc.property(
        fc.nat(valid.length),
        fc.nat(40),
        fc.string({ unit: 'binary', maxLength: 10 }),
        (start, length, insert) => {
          const text = valid.slice(0, start) + insert + valid.slice(start + length);
          const result = parseTemplate(text, 'mutant.tpl');
          expect(typeof result.ok).toBe('boolean');
          expect(Array.isArray(lintTemplate(text, 'mutant.tpl'))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
