import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintPlan } from '../../shared/plan/lint/lint-plan.js';
import type { LintFinding } from '../../shared/plan/lint/lint-finding.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import { parsePlanDocument } from '../../shared/plan/parse-plan-document.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';

function lintText(text: string, fileName = 'plan.yaml'): LintFinding[] {
  const loaded = loadPlan(text, fileName);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const parsed = parsePlanDocument(text, fileName);
  return lintPlan(loaded.plan, parsed.ok ? { positions: parsed.document.issues.positions } : {});
}

const rules = (findings: LintFinding[]) =>
  findings.map(({ ruleId, severity, path }) => `${severity} ${ruleId} ${path}`);

// A shop plan with one mistake of each kind the linter knows.
const brokenPlan = `name: shop
events:
  purchase:
    required: [transaction_id, value, value, coupon_code]
    additionalProperties: false
    properties:
      transaction_id: { type: string, minLenght: 1 }
      value: { type: number, minimum: 10, maximum: 5 }
      currency: { type: string, enum: [EUR, 840, USD] }
      quantity: { type: integer, enum: ['1', '2'] }
      tax: { type: number, pattern: '^[0-9]+$' }
      gtm.uniqueEventId: { type: integer }
  Purchase:
    properties:
      orderId: { type: string }
  session_start:
    layers: [datalayer, ga4]
  google_signup:
    properties:
      _debug: { type: boolean }
  add_to_wishlist:
    status: deprecated
    replacedBy: save_for_later
`;

describe('linting a plan with mistakes', () => {
  const findings = lintText(brokenPlan);

  it('finds keywords that check nothing', () => {
    expect(rules(findings)).toEqual(
      expect.arrayContaining([
        'warning unknown-keyword /events/purchase/properties/transaction_id/minLenght',
        'warning inapplicable-keyword /events/purchase/properties/tax/pattern',
      ]),
    );
    expect(findings.find((finding) => finding.ruleId === 'unknown-keyword')?.hint).toBe(
      'Did you mean "minLength"?',
    );
  });

  it('finds constraints that no value can meet', () => {
    expect(rules(findings)).toEqual(
      expect.arrayContaining([
        'error impossible-range /events/purchase/properties/value/minimum',
        'warning enum-value-wrong-type /events/purchase/properties/currency/enum',
        'error enum-never-valid /events/purchase/properties/quantity/enum',
        'error required-not-allowed /events/purchase/required',
        'warning duplicate-required /events/purchase/required',
      ]),
    );
  });

  it('finds rules that never apply or are written twice', () => {
    expect(rules(findings)).toEqual(
      expect.arrayContaining([
        'warning unreachable-rule /events/purchase/properties/gtm.uniqueEventId',
        'warning duplicate-event /events/Purchase',
        'warning dangling-replacement /events/add_to_wishlist/replacedBy',
      ]),
    );
  });

  it('finds naming breaks and GA4 reserved names', () => {
    expect(rules(findings)).toEqual(
      expect.arrayContaining([
        'warning mixed-naming /events/Purchase',
        'warning mixed-naming /events/Purchase/properties/orderId',
        'error ga4-reserved-name /events/session_start',
        'error ga4-reserved-name /events/google_signup',
        'error ga4-reserved-name /events/google_signup/properties/_debug',
      ]),
    );
  });

  it('places each finding at its line and orders errors first', () => {
    const range = findings.find((finding) => finding.ruleId === 'impossible-range');

    expect(range).toMatchObject({ file: 'plan.yaml', line: 8, column: 30 });
    expect(findings[0]?.severity).toBe('error');
    expect(findings.at(-1)?.severity).not.toBe('error');
  });
});

describe('GA4 limits and names', () => {
  const long = 'a'.repeat(41);
  const manyParameters = Array.from(
    { length: 26 },
    (_, index) => `      p${index}: { type: string }`,
  ).join('\n');
  const findings = lintText(`name: limits
events:
  ${long}:
    properties:
      ${long}: { type: string }
${manyParameters}
    userProperties:
      customer_lifetime_value_band: { type: string }
  Order Completed:
    properties:
      Cart Value: { type: number }
`);

  it('reports names and counts past GA4’s limits', () => {
    expect(rules(findings)).toEqual(
      expect.arrayContaining([
        `error ga4-event-name-length /events/${long}`,
        `error ga4-parameter-name-length /events/${long}/properties/${long}`,
        `error ga4-too-many-parameters /events/${long}/properties`,
        `error ga4-user-property-name-length /events/${long}/userProperties/customer_lifetime_value_band`,
      ]),
    );
  });

  it('reports names GA4 cannot take, with a snake_case suggestion', () => {
    const invalid = findings.filter((finding) => finding.ruleId === 'ga4-invalid-name');

    expect(invalid.map((finding) => finding.path)).toEqual([
      '/events/Order Completed',
      '/events/Order Completed/properties/Cart Value',
    ]);
    expect(invalid[0]?.hint).toBe('Rename it, e.g. "order_completed".');
  });

  it('leaves GA4 rules alone for events that never reach GA4', () => {
    const dataLayerOnly = lintText(
      `name: dl\nevents:\n  Order Completed:\n    layers: [datalayer]\n`,
    );

    expect(dataLayerOnly.filter((finding) => finding.ruleId.startsWith('ga4-'))).toEqual([]);
  });
});

describe('linting sound plans', () => {
  it('finds no errors in the bundled GA4 recommended-events plan', () => {
    const text = readFileSync(
      new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url),
      'utf8',
    );
    const findings = lintText(text, 'ga4-recommended.yaml');

    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.filter((finding) => finding.severity === 'warning')).toEqual([]);
  });

  it('checks names against the plan’s own convention when it sets one', () => {
    const findings = lintText(
      `name: camel\nglobals: { naming: camelCase }\nevents:\n  addToCart: {}\n  remove_from_cart: {}\n`,
    );

    expect(rules(findings)).toEqual(['warning naming-convention /events/remove_from_cart']);
    expect(findings[0]?.hint).toBe('Rename it to "removeFromCart".');
  });

  it('never throws on a plan object it did not load itself', () => {
    const plan = {
      name: 'odd',
      events: { x: { name: 'x', layers: ['ga4'], properties: null, schema: 5 } },
    } as unknown as TrackingPlan;

    expect(lintPlan(plan).map((finding) => finding.ruleId)).toEqual(['lint-failed']);
  });
});
