import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScratchDirectory, runCli } from './run-cli.js';

const plans = 'test/fixtures/plans';
const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

describe('tagwarden plan import', () => {
  it('writes a RudderStack project folder as a tagwarden plan, listing what did not translate', () => {
    const output = `${scratch.path}/shop.yaml`;
    const run = runCli(['plan', 'import', `${plans}/rudderstack/project`, '-o', output]);
    const text = readFileSync(output, 'utf8');

    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(text.split('\n')[0]).toBe(
      `# Imported by tagwarden plan import from ${plans}/rudderstack/project (rudderstack): 4 events.`,
    );
    expect(Object.keys(parse(text).events)).toEqual([
      'view_item',
      'add_to_cart',
      'purchase',
      'search',
    ]);
    expect(run.stderr).toContain(
      `tagwarden: ${plans}/rudderstack/project/tracking-plan.yaml:62:7: This rule is for identify calls`,
    );
  });

  it('prints JSON on standard output, and the result is a plan check reads', () => {
    const run = runCli([
      'plan',
      'import',
      `${plans}/mparticle/shop-data-plan.json`,
      '--format',
      'json',
    ]);
    const planFile = scratch.write('mparticle-import.json', run.stdout);
    const check = runCli([
      'check',
      'test/fixtures/plans/pushes/shop-session.ndjson',
      '--plan',
      planFile,
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);

    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'Shop Web', version: '2' });
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).plan).toEqual({ name: 'Shop Web', format: 'tagwarden' });
  });

  it('imports the bundled GA4 plan by name as a starting point', () => {
    const run = runCli(['plan', 'import', 'ga4-recommended']);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(ga4-recommended): ');
    expect(parse(run.stdout).events).toHaveProperty('purchase');
  });

  it('exits 2 naming the file and the formats tried when nothing matches', () => {
    const notes = scratch.write('notes.yaml', 'title: Launch checklist\nsteps: [design, build]\n');
    const run = runCli(['plan', 'import', notes]);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `tagwarden: ${notes}:1:1: ${notes} is in no plan format tagwarden recognises (tried: avo, rudderstack, mparticle, snowplow-iglu, opentrackplan, segment-protocols, tagwarden, json-schema-map, ga4-recommended).`,
    );
    expect(run.stderr).toContain('→ Name the format with --from');
  });

  it('exits 2 on a --from the file is not in, and refuses unknown formats', () => {
    const wrong = runCli([
      'plan',
      'import',
      `${plans}/avo/shop-export.json`,
      '--from',
      'mparticle',
    ]);
    const unknown = runCli([
      'plan',
      'import',
      `${plans}/avo/shop-export.json`,
      '--from',
      'amplitude',
    ]);

    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('does not hold a mParticle data plan');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("argument 'amplitude' is invalid");
  });
});

describe('tagwarden check --plan with a plan written for another tool', () => {
  it.each([
    ['rudderstack/checkout-v1.yaml', 'rudderstack', 'Checkout'],
    ['avo/shop-export.json', 'avo', 'Shop Tracking Plan:main'],
    ['snowplow-iglu/refund.json', 'snowplow-iglu', 'test.shop'],
  ])('checks a capture against %s', (fixture, format, name) => {
    const run = runCli([
      'check',
      'test/fixtures/plans/pushes/shop-session.ndjson',
      '--plan',
      `${plans}/${fixture}`,
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);

    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).plan).toEqual({ name, format });
  });
});
