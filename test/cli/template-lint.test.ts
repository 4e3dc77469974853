import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TemplateFinding } from '../../gtm-template/sandbox/format/template-finding.js';
import { makeScratchDirectory, parseStdout, runCli } from './run-cli.js';

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

const lint = (...args: string[]) => runCli(['template', 'lint', ...args]);
const broken = (name: string) => `test/fixtures/templates/broken/${name}.tpl`;

describe('tagwarden template lint', () => {
  it('passes the example templates from their sources, exit 0', () => {
    const run = lint('gtm-template/examples');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('5 templates checked: 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });

  it('prints file:line:column, the section, severity, rule, message and hint, and exits 1 on an error', () => {
    const run = lint(broken('syntax-new'));
    const [finding, hint, blank, count] = run.stdout.split('\n');
    expect(finding).toMatch(
      /^test\/fixtures\/templates\/broken\/syntax-new\.tpl:\d+:\d+ \[___SANDBOXED_JS_FOR_SERVER___\] {2}error {4}syntax\/new {2}`new` is not available in sandboxed JavaScript\.$/,
    );
    expect(hint).toMatch(/^ {4}→ \S/);
    expect(blank).toBe('');
    expect(count).toBe('1 template checked: 1 error, 0 warnings');
    expect(run.status).toBe(1);
  });

  it('exits 0 when there are only warnings', () => {
    const run = lint(broken('syntax-try-throw'), broken('permissions-unused'));
    expect(run.stdout).toContain('warning  syntax/try-throw');
    expect(run.stdout).toContain('warning  permissions/unused');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '2 templates checked: 0 errors, 2 warnings',
    );
    expect(run.status).toBe(0);
  });

  it('writes the findings as data with --format json', () => {
    const run = lint(
      broken('data-unknown-parameter'),
      broken('tag-completion-unproven'),
      '--format',
      'json',
    );
    const report = parseStdout<{
      templates: number;
      errors: number;
      warnings: number;
      findings: TemplateFinding[];
    }>(run);
    expect(report).toMatchObject({ templates: 2, errors: 1, warnings: 1 });
    expect(report.findings.map((finding) => finding.ruleId)).toEqual([
      'data/unknown-parameter',
      'tag/completion-unproven',
    ]);
    expect(Object.keys(report.findings[0] ?? {}).sort()).toEqual([
      'column',
      'file',
      'hint',
      'line',
      'message',
      'ruleId',
      'section',
      'severity',
    ]);
    expect(run.status).toBe(1);
  });

  it('checks gallery readiness for a template.tpl in its own folder', () => {
    const folder = join(scratch.path, 'exported');
    mkdirSync(folder);
    cpSync(
      'gtm-template/examples/web-datalayer-variable/template.tpl',
      join(folder, 'template.tpl'),
    );
    const run = lint(folder);
    expect(run.stdout).toContain(`${folder}/metadata.yaml:1:1  warning  gallery/metadata-missing`);
    expect(run.stdout).toContain(`${folder}/LICENSE:1:1  warning  gallery/license`);
    expect(run.status).toBe(0);
  });

  it('lints a source folder from its sources, pointing at template.js', () => {
    const folder = join(scratch.path, 'pixel');
    cpSync('gtm-template/examples/web-pixel-tag', folder, { recursive: true });
    scratch.write('pixel/template.js', 'const x = new Object();\nreturn data.gtmOnSuccess();\n');
    const run = lint(folder);
    expect(run.stdout).toContain(`${folder}/template.js:1:11  error    syntax/new`);
    expect(run.status).toBe(1);
  });

  it.each([
    ['a path that does not exist', ['gtm-template/no-such-folder'], /no such file or directory/],
    ['a folder without templates', ['cli/report'], /no templates found/],
  ])('exits 2 on %s', (_, args, says) => {
    const run = lint(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(says);
    expect(run.stderr).toMatch(/\n {2}→ \S/);
  });
});
