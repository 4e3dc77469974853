import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../shared/plan/importers/import-plan.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import { planFixture } from './plan-fixtures.js';

function oneFileOf(path: string): { name: string; text: string } {
  const files = planFixture(path);
  return { name: path, text: files.map((file) => file.text).join('\n---\n') };
}

describe('detecting the format of a plan', () => {
  it.each([
    ['segment/typewriter-plan.json', 'segment-protocols'],
    ['avo/shop-export.json', 'avo'],
    ['rudderstack/project', 'rudderstack'],
    ['mparticle/shop-data-plan.json', 'mparticle'],
    ['snowplow-iglu/registry', 'snowplow-iglu'],
    ['opentrackplan/project', 'opentrackplan'],
    ['json-schema-map/shop.json', 'json-schema-map'],
    ['tagwarden/shop.yaml', 'tagwarden'],
  ])('detects %s as %s', (fixture, format) => {
    const result = importPlan(planFixture(fixture));

    expect(result.ok && result.format).toBe(format);
  });

  it('names the file and every format it tried when nothing matches', () => {
    const result = importPlan([
      { name: 'notes/plan.yaml', text: 'title: Launch checklist\nsteps: [design, build]\n' },
    ]);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ file: 'notes/plan.yaml', line: 1 });
    const message = !result.ok ? (result.errors[0]?.message ?? '') : '';
    for (const format of [
      'rudderstack',
      'mparticle',
      'snowplow-iglu',
      'opentrackplan',
      'avo',
      'segment-protocols',
      'tagwarden',
    ])
      expect(message).toContain(format);
    expect(!result.ok && result.errors[0]?.hint).toContain('--from');
  });

  it('refuses a --from format the files are not in, and one it does not know', () => {
    const segment = planFixture('segment/typewriter-plan.json');

    expect(importPlan(segment, { from: 'mparticle' })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('does not hold a mParticle data plan') }],
    });
    expect(importPlan(segment, { from: 'amplitude' })).toMatchObject({
      ok: false,
      errors: [{ message: '"amplitude" is not a plan format tagwarden imports.' }],
    });
  });

  it('reports a syntax error at its file and line instead of guessing a format', () => {
    const result = importPlan([
      { name: 'tp.yaml', text: 'version: rudder/v1\nkind: tracking-plan\nspec: [unclosed\n' },
    ]);

    expect(result).toMatchObject({ ok: false, errors: [{ file: 'tp.yaml', line: 3 }] });
  });
});

describe('loadPlan with plans written for other tools', () => {
  it.each([
    ['rudderstack/checkout-v1.yaml', 'rudderstack', ['add_payment_info']],
    ['avo/shop-export.json', 'avo', ['view_item', 'add_to_cart', 'purchase', 'search']],
    [
      'mparticle/shop-version-2.json',
      'mparticle',
      ['view_item', 'search', 'add_to_cart', 'purchase', 'checkout'],
    ],
    ['snowplow-iglu/refund.json', 'snowplow-iglu', ['refund']],
  ])('loads %s as %s, the way check --plan reads it', (fixture, format, events) => {
    const [file] = planFixture(fixture);
    const result = loadPlan(file?.text ?? '', fixture);

    expect(result.ok && result.plan.source).toEqual({ format, fileName: fixture });
    expect(result.ok && Object.keys(result.plan.events)).toEqual(events);
  });

  it('loads a whole project pasted into one multi-document YAML file', () => {
    const rudder = oneFileOf('rudderstack/project');
    const opentp = oneFileOf('opentrackplan/project');

    expect(loadPlan(rudder.text, 'project.yaml')).toMatchObject({
      ok: true,
      plan: { name: 'Shop Web' },
    });
    expect(loadPlan(opentp.text, 'opentp.yaml')).toMatchObject({
      ok: true,
      plan: { source: { format: 'opentrackplan' } },
    });
  });

  it('still reads its own formats as before', () => {
    const [typewriter] = planFixture('segment/typewriter-plan.json');
    const bundled = readFileSync(
      new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url),
      'utf8',
    );

    expect(loadPlan(typewriter?.text ?? '', 'plan.json')).toMatchObject({
      ok: true,
      plan: { source: { format: 'segment-protocols' } },
    });
    expect(loadPlan(bundled, 'ga4.yaml')).toMatchObject({
      ok: true,
      plan: { source: { format: 'tagwarden' } },
    });
  });
});
