import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXmlElements } from './read-xml-elements.js';
import { makeScratchDirectory, packageRoot, parseStdout, runCli } from './run-cli.js';

const fixtures = 'test/template-runner/fixtures';
const pixelTag = readFileSync(join(packageRoot, fixtures, 'web-pixel-tag.tpl'), 'utf8');
const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

// A copy whose unmocked scenario sends to a URL the permission does not allow.
const deniedCopy = scratch.write(
  'denied.tpl',
  pixelTag.replace(
    "endpoint: 'https://collector.example/p'",
    "endpoint: 'https://elsewhere.example/p'",
  ),
);

interface JsonReport {
  passed: number;
  failed: number;
  files: Array<{
    file: string;
    report?: {
      scenarios: Array<{
        name: string;
        passed: boolean;
        failures: Array<{ kind: string; line?: number }>;
      }>;
    };
    errors?: string[];
  }>;
}

describe('tagwarden template test', () => {
  it('prints each scenario with ✓ and a closing "N passed, N failed" line, exit 0', () => {
    const run = runCli(['template', 'test', fixtures]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `${fixtures}/web-pixel-tag.tpl\n  ✓ sends the event as a pixel and succeeds`,
    );
    expect(run.stdout).toContain('  ✓ writes the row to BigQuery through mockObject');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('8 passed, 0 failed');
  });

  it('marks a failing scenario with ✗ and its reason, and exits 1', () => {
    const run = runCli(['template', 'test', deniedCopy]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      / {2}✗ an unmocked pixel to an allowed URL is sent\n {6}.*send_pixel.*\(template line 12:1\)/,
    );
    expect(run.stdout).toMatch(
      / {2}✗ sends the event as a pixel and succeeds\n {6}expected "https:\/\/elsewhere/,
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 2 failed');
  });

  it('writes the results as JSON data', () => {
    const run = runCli([
      'template',
      'test',
      deniedCopy,
      `${fixtures}/server-event-mirror.tpl`,
      '--format',
      'json',
    ]);
    const report = parseStdout<JsonReport>(run);
    expect(run.status).toBe(1);
    expect([report.passed, report.failed]).toEqual([6, 2]);
    const denied = report.files[0]?.report?.scenarios.find((scenario) =>
      scenario.name.startsWith('an unmocked'),
    );
    expect(denied?.failures[0]).toMatchObject({ kind: 'permission', line: 12 });
  });

  it('writes JUnit XML with one test case per scenario and a failure element for each failed one', () => {
    const run = runCli(['template', 'test', deniedCopy, '--format', 'junit']);
    const elements = readXmlElements(run.stdout);
    const cases = elements.filter((element) => element.name === 'testcase');
    expect(cases.map((element) => element.attributes.name)).toEqual([
      'sends the event as a pixel and succeeds',
      'fails without an event name',
      'an unmocked pixel to an allowed URL is sent',
    ]);
    expect(
      elements
        .filter((element) => element.name === 'failure')
        .map((element) => element.attributes.type),
    ).toEqual(['assertion', 'permission']);
    expect(elements[0]?.attributes).toMatchObject({ tests: '3', failures: '2' });
  });

  it('a file that is not a template is an input error: exit 2, named in the report', () => {
    const notATemplate = scratch.write('notes.tpl', 'just some text\n');
    const run = runCli(['template', 'test', notATemplate]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`${notATemplate}\n  ✗ `);
  });

  it('a missing input is a usage error naming it', () => {
    const run = runCli(['template', 'test', 'no/such/template.tpl']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no/such/template.tpl: no such file');
  });

  it('a directory without templates is a usage error', () => {
    const empty = makeScratchDirectory();
    const run = runCli(['template', 'test', empty.path]);
    empty.remove();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('holds no .tpl files');
  });
});
