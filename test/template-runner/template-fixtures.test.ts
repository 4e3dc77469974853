import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';
import { createDefaultTestOptions } from '../../gtm-template/sandbox/testing/default-test-options.js';
import { runTemplateTests } from '../../gtm-template/sandbox/testing/run-template-tests.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function findTemplates(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return findTemplates(path);
      return name.endsWith('.tpl') ? [path] : [];
    });
}

const fixtures = findTemplates(join(root, 'test/template-runner/fixtures'));
const examples = findTemplates(join(root, 'gtm-template/examples'));

async function runFile(text: string, file: string) {
  const parsed = parseTemplate(text, file);
  if (!parsed.ok)
    throw new Error(`${file}: ${parsed.errors.map((error) => error.message).join('; ')}`);
  return runTemplateTests(parsed.template, createDefaultTestOptions());
}

describe('templates run with the real APIs and permission checks', () => {
  it('the fixtures are found', () => {
    expect(fixtures.map((file) => file.slice(root.length))).toEqual([
      'test/template-runner/fixtures/server-event-mirror.tpl',
      'test/template-runner/fixtures/web-pixel-tag.tpl',
    ]);
  });

  it.each([...fixtures, ...examples].map((file) => [file.slice(root.length), file]))(
    'every scenario of %s passes',
    async (_name, file) => {
      const report = await runFile(readFileSync(file, 'utf8'), file);
      const failures = report.scenarios.filter((scenario) => !scenario.passed);
      expect(failures).toEqual([]);
      expect(report.scenarios.length).toBeGreaterThan(0);
    },
  );
});

describe('broken copies fail for the right reason', () => {
  const pixelFile = join(root, 'test/template-runner/fixtures/web-pixel-tag.tpl');
  const pixel = readFileSync(pixelFile, 'utf8');
  const serverFile = join(root, 'test/template-runner/fixtures/server-event-mirror.tpl');
  const server = readFileSync(serverFile, 'utf8');

  it('a URL outside the send_pixel permission is denied where unmocked, not where mocked', async () => {
    const broken = pixel.replace(
      "endpoint: 'https://collector.example/p'",
      "endpoint: 'https://elsewhere.example/p'",
    );
    const report = await runFile(broken, pixelFile);
    const byName = new Map(report.scenarios.map((scenario) => [scenario.name, scenario]));
    const unmocked = byName.get('an unmocked pixel to an allowed URL is sent');
    expect(unmocked?.failures[0]).toMatchObject({
      kind: 'permission',
      source: 'template',
      line: 12,
    });
    expect(unmocked?.failures[0]?.message).toMatch(/elsewhere\.example.*send_pixel/);
    // The mocked scenario is never permission-checked; it fails on its own URL assertion.
    expect(byName.get('sends the event as a pixel and succeeds')?.failures[0]?.kind).toBe(
      'assertion',
    );
    expect(byName.get('fails without an event name')?.passed).toBe(true);
  });

  it('a template without its logging permission fails where it logs', async () => {
    const broken = pixel.replace(
      /,\n {2}\{\n {4}"instance": \{\n {6}"key": \{ "publicId": "logging"[\s\S]*?"isRequired": true\n {2}\}/,
      '',
    );
    expect(broken).not.toContain('"logging"');
    const report = await runFile(broken, pixelFile);
    const failed = report.scenarios.filter((scenario) => !scenario.passed);
    expect(failed.map((scenario) => scenario.name)).toEqual(['fails without an event name']);
    expect(failed[0]?.failures[0]).toMatchObject({ kind: 'permission', line: 7 });
  });

  it('forbidden syntax in the code fails every scenario with the syntax error', async () => {
    const broken = pixel.replace(
      'const url = data.endpoint',
      'const when = new Date();\nconst url = data.endpoint',
    );
    const report = await runFile(broken, pixelFile);
    expect(report.failed).toBe(report.scenarios.length);
    expect(report.scenarios[0]?.failures[0]).toMatchObject({
      kind: 'syntax',
      source: 'template',
      line: 11,
    });
    expect(report.scenarios[0]?.failures[0]?.message).toContain(
      "the 'new' keyword is not supported",
    );
  });

  it('a wrong expectation fails at its line in the scenario', async () => {
    const broken = server.replace(
      'assertThat(inserted.rows).hasLength(1);',
      'assertThat(inserted.rows).hasLength(2);',
    );
    const report = await runFile(broken, serverFile);
    const failed = report.scenarios.filter((scenario) => !scenario.passed);
    expect(failed.map((scenario) => scenario.name)).toEqual([
      'writes the row to BigQuery through a function mock',
    ]);
    expect(failed[0]?.failures).toEqual([
      expect.objectContaining({
        kind: 'assertion',
        source: 'code',
        line: 13,
        message: expect.stringContaining('to have length 2'),
      }),
    ]);
  });

  it('an async expectation that no longer holds fails from inside its callLater', async () => {
    const broken = server.replace('resolve({ statusCode: 204 })', 'resolve({ statusCode: 503 })');
    const report = await runFile(broken, serverFile);
    const failed = report.scenarios.find(
      (scenario) => scenario.name === 'posts the event and succeeds',
    );
    expect(failed?.failures.map((failure) => failure.line)).toEqual([9]);
    expect(failed?.failures[0]?.message).toContain('gtmOnSuccess to have been called');
  });

  it('a setup that fails is reported against the setup', async () => {
    const broken = server.replace(
      "const callLater = require('callLater');",
      "const callLater = require('callLater');\n  undefinedHelper();",
    );
    const report = await runFile(broken, serverFile);
    expect(report.scenarios.every((scenario) => !scenario.passed)).toBe(true);
    expect(report.scenarios[0]?.failures[0]).toMatchObject({
      kind: 'reference',
      source: 'setup',
      line: 4,
    });
  });
});
