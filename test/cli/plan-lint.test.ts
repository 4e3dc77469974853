import { afterAll, describe, expect, it } from 'vitest';
import { makeScratchDirectory, parseStdout, runCli } from './run-cli.js';

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

const broken = `name: shop
events:
  purchase:
    properties:
      value: { type: number, minimum: 10, maximum: 5 }
      currency: { type: string, minLenght: 3 }
`;

interface LintJson {
  plan: { name: string; format: string; file: string };
  findings: Array<{ ruleId: string; severity: string; path: string; line?: number }>;
  summary: Record<string, number>;
}

describe('tagwarden plan lint', () => {
  it('prints each finding at its line and exits 1 when one is an error', () => {
    const plan = scratch.write('broken.yaml', broken);
    const run = runCli(['plan', 'lint', plan]);

    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      `${plan}:5:30 error impossible-range /events/purchase/properties/value/minimum`,
      '  "minimum: 10" is above "maximum: 5", so no value can be valid.',
      '  → Swap or correct the two bounds.',
    ]);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '1 error, 1 warning, 0 notes in shop (tagwarden)',
    );
  });

  it('writes findings as JSON data', () => {
    const plan = scratch.write('broken-json.yaml', broken);
    const report = parseStdout<LintJson>(runCli(['plan', 'lint', plan, '--format', 'json']));

    expect(report.plan).toEqual({ name: 'shop', format: 'tagwarden', file: plan });
    expect(report.findings.map(({ ruleId, severity, line }) => [ruleId, severity, line])).toEqual([
      ['impossible-range', 'error', 5],
      ['unknown-keyword', 'warning', 6],
    ]);
    expect(report.summary).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('exits 0 on the bundled GA4 plan, and lints imported formats too', () => {
    const bundled = runCli(['plan', 'lint', 'ga4-recommended']);
    const segment = parseStdout<LintJson>(
      runCli([
        'plan',
        'lint',
        'test/fixtures/plans/segment/typewriter-plan.json',
        '--format',
        'json',
      ]),
    );

    expect(bundled.status).toBe(0);
    expect(segment.plan.format).toBe('segment-protocols');
    expect(segment.summary.error).toBe(0);
  });

  it('exits 2 when the plan cannot be read', () => {
    const plan = scratch.write('unreadable.yaml', 'events: [\n');
    const run = runCli(['plan', 'lint', plan]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`tagwarden: ${plan}:1:`);
  });
});
