import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';

const folder = 'test/fixtures/templates/gtm-export';

function read(name: string): string {
  return readFileSync(`${folder}/${name}`, 'utf8');
}

function parsedOk(name: string) {
  const result = parseTemplate(read(name), name);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

// Each fixture is the same template in another dress: GTM's exporter (BOM, Gson escapes,
// quoted-folded tests), the same with CRLF line endings, and a hand-written file (a licence
// comment above the markers, an indented marker, permissions before code, notes before tests).
describe('.tpl files in the styles real repositories hold', () => {
  it.each([
    ['datalayer-variable.gtm-export.tpl', 'datalayer-variable.expected.json'],
    ['datalayer-variable.gtm-export.crlf.tpl', 'datalayer-variable.expected.json'],
    ['datalayer-variable.hand-written.tpl', 'datalayer-variable.expected.json'],
    ['bigquery-tag.gtm-export.tpl', 'bigquery-tag.expected.json'],
  ])('%s parses to the expected template without warnings', (name, expected) => {
    const result = parsedOk(name);
    expect(result.template).toEqual(JSON.parse(read(expected)));
    expect(result.warnings).toEqual([]);
  });

  it('the fixtures really are in those styles', () => {
    const exported = read('datalayer-variable.gtm-export.tpl');
    expect(exported.startsWith('\uFEFF___TERMS_OF_SERVICE___')).toBe(true);
    expect(exported).toContain('\\u003cbr\\u003e');
    expect(exported).toMatch(/ {2}code: "[^\n]*\\\n {4}\\ /);
    expect(read('datalayer-variable.gtm-export.crlf.tpl')).toContain('___INFO___\r\n\r\n{');
    const handWritten = read('datalayer-variable.hand-written.tpl');
    expect(handWritten.startsWith('// Copyright')).toBe(true);
    expect(handWritten).toContain('  ___INFO___  \n');
    expect(handWritten).toContain('  code: |-\n');
  });

  it('keeps the characters GTM escapes, and the quoted tests, exactly', () => {
    const { template } = parsedOk('datalayer-variable.gtm-export.tpl');
    const transform = template.parameters[2] as { help: string };
    expect(transform.help).toBe(
      "Lower-case and trim work on text.<br>'Number' uses makeNumber: a = b.",
    );
    expect(template.tests.scenarios[0]?.code).toBe(
      "assertThat(runCode(mockData)).isEqualTo('Summer Sale ');\nassertApi('copyFromDataLayer').wasCalledWith('ecommerce.promotion');",
    );
    expect(template.tests.setup.split('\n')[0]).toBe('const mockData = {');
  });
});
