import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScratchDirectory, runCli } from './run-cli.js';

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

const build = (...args: string[]) => runCli(['template', 'build', ...args]);

function copyExample(name: string, copyName = name): string {
  const folder = join(scratch.path, copyName);
  cpSync(join('gtm-template/examples', name), folder, { recursive: true });
  return folder;
}

describe('tagwarden template build', () => {
  it('finds the committed examples up to date with --check, by default under gtm-template/', () => {
    const run = build('--check');
    for (const name of [
      'web-pixel-tag',
      'server-bigquery-tag',
      'server-collect-client',
      'web-datalayer-variable',
      'server-event-variable',
    ]) {
      expect(run.stdout).toContain(`up to date  gtm-template/examples/${name}/template.tpl\n`);
    }
    expect(run.status).not.toBe(2);
  });

  it('names a stale template.tpl and exits 1 with --check, writing nothing', () => {
    const folder = copyExample('web-datalayer-variable');
    const before = readFileSync(join(folder, 'template.tpl'), 'utf8');
    scratch.write('web-datalayer-variable/notes.md', 'A changed note.\n');

    const run = build(folder, '--check');

    expect(run.stdout).toBe(
      `STALE       ${folder}/template.tpl differs from its sources: run \`tagwarden template build ${folder}\`\n`,
    );
    expect(run.status).toBe(1);
    expect(readFileSync(join(folder, 'template.tpl'), 'utf8')).toBe(before);
  });

  it('names a missing template.tpl as stale with --check', () => {
    const folder = copyExample('web-pixel-tag', 'unbuilt-pixel-tag');
    rmSync(join(folder, 'template.tpl'));

    const run = build(folder, '--check');

    expect(run.stdout).toBe(
      `STALE       ${folder}/template.tpl is missing: run \`tagwarden template build ${folder}\`\n`,
    );
    expect(run.status).toBe(1);
  });

  it('rebuilds a stale template.tpl, after which --check passes', () => {
    const folder = copyExample('server-event-variable');
    scratch.write('server-event-variable/notes.md', 'Another note.\n');

    const first = build(folder);
    expect(first.stdout).toBe(`built       ${folder}/template.tpl\n`);
    expect(first.status).toBe(0);
    expect(readFileSync(join(folder, 'template.tpl'), 'utf8')).toContain(
      '___NOTES___\n\nAnother note.\n',
    );

    const again = build(folder);
    expect(again.stdout).toBe(`unchanged   ${folder}/template.tpl\n`);
    expect(build(folder, '--check').status).toBe(0);
  });

  it('exits 2 naming the source file and line when a source is broken', () => {
    const folder = copyExample('web-pixel-tag');
    scratch.write('web-pixel-tag/parameters.json', '[\n  { "type": "TEXT", }\n]\n');

    const run = build(folder);

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^tagwarden: ${folder}/parameters\\.json:2:\\d+: `));
    expect(run.stderr).toMatch(/\n {2}→ \S/);
  });

  it('exits 2 when a folder holds no template sources', () => {
    const run = build('cli/report');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no template source folders in cli\/report/);
  });
});
