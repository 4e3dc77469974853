import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBundledCaptures } from './check-report-shape.js';
import { makeScratchDirectory } from './run-cli.js';

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

describe('tagwarden check --output', () => {
  it.each(['text', 'json', 'junit', 'markdown'])(
    'writes the %s report to the file, prints nothing and keeps the exit code',
    (format) => {
      const file = join(scratch.path, `report.${format}`);

      const written = checkBundledCaptures('--format', format, '--output', file);
      const printed = checkBundledCaptures('--format', format);

      expect(written.stdout).toBe('');
      expect(written.stderr).toBe('');
      expect(written.status).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    },
  );

  it('exits 2 naming an output file in a folder that does not exist, with a next step', () => {
    const file = join(scratch.path, 'no-such-folder', 'report.txt');

    const run = checkBundledCaptures('--output', file);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).not.toContain('unexpected failure');
    expect(run.stderr).toMatch(/\n {2}→ .+/);
  });
});
