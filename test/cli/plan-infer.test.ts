import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScratchDirectory, runCli } from './run-cli.js';

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

describe('tagwarden plan infer', () => {
  it('drafts a plan from captures, marked as a draft at the top and on every event', () => {
    const output = `${scratch.path}/draft.yaml`;
    const run = runCli([
      'plan',
      'infer',
      'test/fixtures/captures/shop-journey.har',
      'test/fixtures/plans/pushes/shop-session.ndjson',
      '-o',
      output,
      '--name',
      'shop-draft',
    ]);
    const text = readFileSync(output, 'utf8');
    const plan = parse(text);

    expect(run.status).toBe(0);
    expect(text.split('\n')[0]).toMatch(
      /^# DRAFT: inferred by tagwarden plan infer from \d+ events in test\/fixtures\/captures\/shop-journey\.har, /,
    );
    expect(plan).toMatchObject({ name: 'shop-draft', 'x-draft': true });
    expect(
      Object.values(plan.events).every((event) => (event as { status: string }).status === 'draft'),
    ).toBe(true);
  });

  it('drafts from a JSON array of example pushes, and check accepts the pushes against it', () => {
    const pushes = scratch.write(
      'pushes.json',
      JSON.stringify([
        { event: 'sign_up', method: 'email' },
        { event: 'sign_up', method: 'google' },
      ]),
    );
    const run = runCli(['plan', 'infer', pushes]);
    const planFile = scratch.write('sign-up.yaml', run.stdout);
    const capture = scratch.write(
      'sign-up.ndjson',
      '{"type":"push","push":{"event":"sign_up","method":"apple"}}\n',
    );
    const check = runCli(['check', capture, '--plan', planFile, '--format', 'json']);

    expect(run.status).toBe(0);
    expect(parse(run.stdout).events.sign_up).toMatchObject({
      required: ['method'],
      properties: { method: { type: 'string' } },
    });
    expect(check.status).toBe(0);
  });

  it('exits 2 when the inputs hold no events', () => {
    const empty = scratch.write('empty.json', '[]');
    const run = runCli(['plan', 'infer', empty]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`tagwarden: no events found in ${empty}`);
  });
});
