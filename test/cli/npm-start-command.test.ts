import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBundledCaptures, jsonReport, summaryLine } from './check-report-shape.js';
import { packageRoot, runCli } from './run-cli.js';

// The README's first look at the bundled captures, before the full demo (test/main-job).
const startCommand =
  'node dist/cli/main.js check test/fixtures/captures --plan ga4-recommended --fail-on never';

describe('npm start and the bundled captures check', () => {
  it('npm start builds, then runs the demo that test/main-job pins', () => {
    const manifest = JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as {
      scripts: Record<string, string>;
    };

    expect(manifest.scripts.start).toBe('npm run build --silent && node dist/cli/main.js demo');
  });

  it('exits 0 and ends with the summary line of the bundled captures', () => {
    const [, , ...args] = startCommand.split(' ');
    const expected = summaryLine(jsonReport(checkBundledCaptures('--format', 'json')));

    const run = runCli(args);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(expected);
    expect(run.stdout).toMatch(/^tagwarden check · plan ga4-recommended/);
  });
});
