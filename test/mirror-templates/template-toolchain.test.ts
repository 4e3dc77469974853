import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../../gtm-template/sandbox/build/build-template.js';
import {
  templateSourceFileNames,
  type TemplateSources,
} from '../../gtm-template/sandbox/build/template-sources.js';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';
import { lintTemplateSources } from '../../gtm-template/sandbox/lint/lint-template-sources.js';
import { createDefaultTestOptions } from '../../gtm-template/sandbox/testing/default-test-options.js';
import { runTemplateTests } from '../../gtm-template/sandbox/testing/run-template-tests.js';

const MIRROR_FOLDERS = ['gtm-template/web-mirror', 'gtm-template/server-mirror'];

function readSources(folder: string): TemplateSources {
  const files = new Map<string, string>();
  for (const name of templateSourceFileNames) {
    const path = join(folder, name);
    if (existsSync(path)) files.set(name, readFileSync(path, 'utf8'));
  }
  return { folder, files };
}

function describeFinding(finding: { file: string; line: number; ruleId: string; message: string }) {
  return `${finding.file}:${finding.line} ${finding.ruleId}: ${finding.message}`;
}

describe.each(MIRROR_FOLDERS)('the mirror template in %s', (folder) => {
  it('has every gallery file: template.tpl, metadata.yaml, README.md and an Apache-2.0 LICENSE', () => {
    for (const name of ['template.tpl', 'metadata.yaml', 'README.md', 'LICENSE']) {
      expect(existsSync(join(folder, name)), name).toBe(true);
    }
    expect(readFileSync(join(folder, 'LICENSE'), 'utf8')).toContain('Apache License');
  });

  it('is lint-clean: no errors and no warnings', () => {
    const findings = lintTemplateSources(readSources(folder));

    expect(findings.map(describeFinding)).toEqual([]);
  });

  it('has a committed template.tpl that is what its sources build', () => {
    const built = buildTemplate(readSources(folder));
    if (!built.ok) throw new Error(built.errors.map(describeFinding).join('\n'));

    const committed = readFileSync(join(folder, 'template.tpl'), 'utf8');
    expect(
      committed === built.text,
      `${folder}/template.tpl is stale: run tagwarden template build ${folder}`,
    ).toBe(true);
  });

  it('passes all of its ___TESTS___ scenarios, at least 25 of them with sentence names', async () => {
    const parsed = parseTemplate(readFileSync(join(folder, 'template.tpl'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.map(describeFinding).join('\n'));

    const report = await runTemplateTests(parsed.template, createDefaultTestOptions());

    const failures = report.scenarios
      .filter((scenario) => !scenario.passed)
      .map((scenario) => `${scenario.name}: ${JSON.stringify(scenario.failures)}`);
    expect(failures).toEqual([]);
    expect(report.scenarios.length).toBeGreaterThanOrEqual(25);
    for (const scenario of report.scenarios) {
      expect(scenario.name, 'a sentence: capital first, no trailing period').toMatch(
        /^[A-Z][^\n]{10,}[^.]$/,
      );
    }
  });
});
