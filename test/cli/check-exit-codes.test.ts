import { describe, expect, it } from 'vitest';
import { jsonReport } from './check-report-shape.js';
import { bundledCaptures, fixturePath, rowsNamedBy, runCli } from './run-cli.js';

const bundled = bundledCaptures;
const valid = fixturePath('valid-page-view.txt');
const warned = fixturePath('warnings-only.txt');

const check = (input: string, ...options: string[]) =>
  runCli(['check', input, '--plan', 'ga4-recommended', ...options]);

describe('tagwarden check exit codes', () => {
  it('the fixtures hold what their names say: one clean event, one event with a warning', () => {
    const clean = jsonReport(check(valid, '--format', 'json'));
    const warning = jsonReport(check(warned, '--format', 'json'));

    expect(clean.summary).toMatchObject({ events: 1, valid: 1 });
    expect(clean.summary.violations).toEqual({ error: 0, warning: 0, info: 0 });
    expect(warning.summary).toMatchObject({ events: 1, valid: 1 });
    expect(warning.summary.violations).toEqual({ error: 0, warning: 1, info: 0 });
    expect(warning.events[0]?.violations[0]).toMatchObject({ code: 'decode_warning' });
  });

  it.each(
    rowsNamedBy('outcome', [
      { outcome: 'the bundled captures fail by default', input: bundled, failOn: [], exit: 1 },
      { outcome: 'the bundled captures fail on error', input: bundled, failOn: ['error'], exit: 1 },
      { outcome: 'the bundled captures pass on never', input: bundled, failOn: ['never'], exit: 0 },
      { outcome: 'a valid page_view passes by default', input: valid, failOn: [], exit: 0 },
      { outcome: 'a valid page_view passes on info', input: valid, failOn: ['info'], exit: 0 },
      { outcome: 'a warning passes by default', input: warned, failOn: [], exit: 0 },
      { outcome: 'a warning passes on error', input: warned, failOn: ['error'], exit: 0 },
      { outcome: 'a warning fails on warning', input: warned, failOn: ['warning'], exit: 1 },
      { outcome: 'a warning fails on info', input: warned, failOn: ['info'], exit: 1 },
      { outcome: 'a warning passes on never', input: warned, failOn: ['never'], exit: 0 },
    ]),
  )('%s, in text and in JSON', (_, { input, failOn, exit }) => {
    const options = failOn.flatMap((severity) => ['--fail-on', severity]);

    for (const format of ['text', 'json']) {
      const run = check(input, ...options, '--format', format);

      expect(run.stderr).toBe('');
      expect(run.status).toBe(exit);
    }
  });
});
