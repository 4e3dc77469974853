import { describe, expect, it } from 'vitest';
import { checkCaptures } from '../../shared/check/check-captures.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import { captureRecords, importFixture } from './plan-fixtures.js';

// The same shop plan, written in each format's real shape (test/fixtures/plans/).
const equivalentPlans = [
  ['tagwarden YAML', 'tagwarden/shop.yaml'],
  ['a Segment typewriter plan', 'segment/typewriter-plan.json'],
  ['a Segment Config API export', 'segment/config-api-export.json'],
  ['a RudderStack project folder', 'rudderstack/project'],
  ['an Avo JSON Schema export', 'avo/shop-export.json'],
  ['a JSON Schema map', 'json-schema-map/shop.json'],
  ['an Iglu registry folder', 'snowplow-iglu/registry'],
] as const;

const records = captureRecords(
  'plans/pushes/shop-session.ndjson',
  'captures/shop-journey.har',
  'captures/datalayer-session.ndjson',
);

function verdicts(plan: TrackingPlan) {
  const report = checkCaptures(records, plan, { inputs: [] });
  return report.events.map((event) => ({
    name: event.name,
    layer: event.layer,
    status: event.status,
    violations: event.violations
      .map(({ code, severity, path }) => `${severity} ${code} ${path}`)
      .sort(),
  }));
}

const reference = verdicts(importFixture('tagwarden/shop.yaml').plan);

describe('one capture checked against the same plan written in different formats', () => {
  it('has a reference verdict with valid, invalid and unplanned events to compare', () => {
    const statuses = new Set(reference.map((verdict) => verdict.status));
    const codes = new Set(
      reference.flatMap((verdict) => verdict.violations.map((line) => line.split(' ')[1])),
    );

    expect(statuses).toEqual(new Set(['valid', 'invalid', 'unplanned']));
    for (const code of [
      'missing_required',
      'type_mismatch',
      'pattern_mismatch',
      'enum_mismatch',
      'out_of_range',
    ])
      expect(codes).toContain(code);
  });

  it.each(equivalentPlans)('gives %s the verdicts of the tagwarden plan', (_format, fixture) => {
    expect(verdicts(importFixture(fixture).plan)).toEqual(reference);
  });

  it.each(equivalentPlans)('reads the four shop events from %s', (_format, fixture) => {
    const result = importFixture(fixture);

    expect(Object.keys(result.plan.events).sort()).toEqual([
      'add_to_cart',
      'purchase',
      'search',
      'view_item',
    ]);
  });
});
