import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';
import { createDefaultTestOptions } from '../../gtm-template/sandbox/testing/default-test-options.js';
import { runTemplateTests } from '../../gtm-template/sandbox/testing/run-template-tests.js';

// A web variable that counts its runs in an object kept in templateStorage. GTM keeps the
// reference (reference §2.5), so a change made after setItem is seen by the next run.
const counterCode = [
  "const templateStorage = require('templateStorage');",
  "let counter = templateStorage.getItem('counter');",
  'if (!counter) {',
  '  counter = { runs: 0, seen: [] };',
  "  templateStorage.setItem('counter', counter);",
  '}',
  'counter.runs = counter.runs + 1;',
  'counter.seen.push(data.label);',
  'return counter;',
].join('\n');

function counterTemplate(scenarioCode: string): string {
  const permissions = [
    {
      instance: { key: { publicId: 'access_template_storage', versionId: '1' }, param: [] },
      isRequired: true,
    },
  ];
  const indented = scenarioCode
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return [
    '___INFO___',
    '',
    JSON.stringify({
      type: 'MACRO',
      id: 'cvt_counter',
      version: 1,
      securityGroups: [],
      displayName: 'Run counter',
      containerContexts: ['WEB'],
    }),
    '',
    '___SANDBOXED_JS_FOR_WEB_TEMPLATE___',
    '',
    counterCode,
    '',
    '___WEB_PERMISSIONS___',
    '',
    JSON.stringify(permissions),
    '',
    '___TESTS___',
    '',
    'scenarios:',
    '- name: scenario',
    '  code: |-',
    indented,
    '',
  ].join('\n');
}

async function runScenario(scenarioCode: string) {
  const parsed = parseTemplate(counterTemplate(scenarioCode), 'counter.tpl');
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  const report = await runTemplateTests(parsed.template, createDefaultTestOptions());
  return report.scenarios[0]!;
}

describe('templateStorage keeps references across runs of a scenario', () => {
  it.each([
    [
      'a property changed after setItem is seen by the next run',
      "runCode({ label: 'a' });\nassertThat(runCode({ label: 'b' }).runs).isEqualTo(2);",
    ],
    [
      'a nested list changed after setItem keeps every run',
      "runCode({ label: 'a' });\nrunCode({ label: 'b' });\nassertThat(runCode({ label: 'c' }).seen).isEqualTo(['a', 'b', 'c']);",
    ],
    [
      'two reads in one run give the same object',
      "const storage = require('templateStorage');\nconst first = runCode({ label: 'a' });\nassertThat(first.runs).isEqualTo(1);\nassertThat(storage.getItem('counter').runs).isEqualTo(1);",
    ],
  ])('%s', async (_name, code) => {
    const result = await runScenario(code);
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('a look-alike: a copy taken out of the storage does not change what is stored', async () => {
    const result = await runScenario(
      "runCode({ label: 'a' });\nconst storage = require('templateStorage');\nconst JSON = require('JSON');\nconst copy = JSON.parse(JSON.stringify(storage.getItem('counter')));\ncopy.runs = 10;\nassertThat(runCode({ label: 'b' }).runs).isEqualTo(2);",
    );
    expect(result.failures).toEqual([]);
  });

  it('a fresh scenario starts with empty storage', async () => {
    const result = await runScenario("assertThat(runCode({ label: 'a' }).runs).isEqualTo(1);");
    expect(result.passed).toBe(true);
  });

  it('fails when a scenario expects the stored object to stay unchanged', async () => {
    const result = await runScenario(
      "runCode({ label: 'a' });\nassertThat(runCode({ label: 'b' }).runs).isEqualTo(1);",
    );
    expect(result.passed).toBe(false);
    expect(result.failures[0]?.message).toBe('expected 2 to equal 1');
  });
});
