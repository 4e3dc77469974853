import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import { createEventNameFacts } from '../../shared/validate/event-name-facts.js';
import { reservedEventNames, reservedEventPrefixes } from '../../shared/validate/ga4-rules.js';
import { compileNamingRule } from '../../shared/validate/naming-rules.js';
import { bundledValidator, planFrom } from './plans.js';

const bundledPlan: TrackingPlan = planFrom(
  readFileSync(new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url), 'utf8'),
  'ga4-recommended.yaml',
);

function factsFor(plan: TrackingPlan) {
  const events = new Map(Object.entries(plan.events));
  return createEventNameFacts(events, compileNamingRule(plan.globals.naming.events));
}

describe('createEventNameFacts', () => {
  const facts = factsFor(bundledPlan);

  it.each([
    { name: 'page_view', isPlanned: true, isConventional: true, prefix: undefined, reserved: true },
    { name: 'purchase', isPlanned: true, isConventional: true, prefix: undefined, reserved: false },
    {
      name: 'app_remove',
      isPlanned: false,
      isConventional: true,
      prefix: undefined,
      reserved: true,
    },
    {
      name: 'session_start',
      isPlanned: true,
      isConventional: true,
      prefix: undefined,
      reserved: true,
    },
    {
      name: 'firebase_campaign',
      isPlanned: false,
      isConventional: true,
      prefix: 'firebase_',
      reserved: false,
    },
    { name: '_internal', isPlanned: false, isConventional: false, prefix: '_', reserved: false },
    {
      name: 'Add To Cart',
      isPlanned: false,
      isConventional: false,
      prefix: undefined,
      reserved: false,
    },
    {
      name: 'constructor',
      isPlanned: false,
      isConventional: true,
      prefix: undefined,
      reserved: false,
    },
    { name: '__proto__', isPlanned: false, isConventional: false, prefix: '_', reserved: false },
  ])('reads $name', ({ name, isPlanned, isConventional, prefix, reserved }) => {
    const read = facts(name);

    expect(read.planned !== undefined).toBe(isPlanned);
    expect(read.isConventional).toBe(isConventional);
    expect(read.reservedPrefix).toBe(prefix);
    expect(read.isReservedName).toBe(reserved);
  });

  it('gives the same facts the second time a name comes back', () => {
    expect(facts('view_item')).toBe(facts('view_item'));
    expect(facts('view_item').planned?.name).toBe('view_item');
  });

  it('calls every name conventional when the plan has no event naming rule', () => {
    const plan = planFrom('name: loose\nglobals:\n  naming: null\nevents: {}\n');
    expect(factsFor(plan)('Add To Cart').isConventional).toBe(true);
  });

  it('agrees with asking each question directly, for any name', () => {
    const rule = compileNamingRule(bundledPlan.globals.naming.events);
    const name = fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'ga_x', 'query_id', 'page_view'),
    );
    fc.assert(
      fc.property(name, (text) => {
        const read = facts(text);
        expect(read.planned).toBe(
          Object.hasOwn(bundledPlan.events, text) ? bundledPlan.events[text] : undefined,
        );
        expect(read.isConventional).toBe(rule === null || rule.accepts(text));
        expect(read.reservedPrefix).toBe(
          reservedEventPrefixes.find((prefix) => text.startsWith(prefix)),
        );
        expect(read.isReservedName).toBe(reservedEventNames.has(text));
      }),
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('event-name checks in verdicts', () => {
  const validator = bundledValidator();
  const codes = (name: string) =>
    validator
      .validate({ name, layer: 'ga4', properties: {} })
      .violations.map((violation) => `${violation.code}:${violation.severity}`);

  it.each([
    { name: 'page_view', expected: [] },
    { name: 'app_remove', expected: ['unplanned_event:warning', 'reserved_name:warning'] },
    { name: 'session_start', expected: ['unplanned_event:warning'] },
    { name: 'firebase_campaign', expected: ['unplanned_event:warning', 'reserved_name:error'] },
    {
      name: 'Add To Cart',
      expected: ['unplanned_event:warning', 'naming_convention:warning'],
    },
  ])('reports what the name of $name calls for', ({ name, expected }) => {
    expect(codes(name)).toEqual(expected);
  });

  it('reports nothing reserved for a reserved name on a layer GA4 rules skip', () => {
    const verdict = validator.validate({
      name: 'app_remove',
      layer: 'datalayer',
      properties: {},
    });
    expect(verdict.violations.map((violation) => violation.code)).not.toContain('reserved_name');
  });
});
