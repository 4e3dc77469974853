import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../shared/plan/diff/diff-plans.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import { importFixture } from '../plan-import/plan-fixtures.js';

const shopText = readFileSync(
  new URL('../fixtures/plans/tagwarden/shop.yaml', import.meta.url),
  'utf8',
);

function load(text: string): TrackingPlan {
  const result = loadPlan(text, 'shop.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

function edited(...edits: Array<[string, string]>): TrackingPlan {
  let text = shopText;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`the shop plan has no "${from}"`);
    text = text.replace(from, to);
  }
  return load(text);
}

const lines = (plan: TrackingPlan) =>
  diffPlans(load(shopText), plan).changes.map(({ kind, subject, event, property }) =>
    `${kind} ${subject} ${event} ${property}`.trim(),
  );

describe('comparing two versions of a plan', () => {
  it('finds nothing between a plan and itself', () => {
    const diff = diffPlans(load(shopText), load(shopText));

    expect(diff.changes).toEqual([]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, tightened: 0, loosened: 0, changed: 0 });
  });

  it.each([
    [
      'a required property',
      ['required: [search_term]', 'required: []'],
      'loosened required search search_term',
    ],
    [
      'a narrower enum',
      ['enum: [new, returning]', 'enum: [new]'],
      'tightened enum purchase customer_type',
    ],
    [
      'a wider enum',
      ['enum: [new, returning]', 'enum: [new, returning, guest]'],
      'loosened enum purchase customer_type',
    ],
    [
      'a replaced enum',
      ['enum: [new, returning]', 'enum: [first, repeat]'],
      'changed enum purchase customer_type',
    ],
    [
      'a raised minimum',
      ['shipping: { type: number, minimum: 0 }', 'shipping: { type: number, minimum: 1 }'],
      'tightened minimum purchase shipping',
    ],
    [
      'a new maximum',
      [
        'search_term: { type: string, minLength: 1 }',
        'search_term: { type: string, minLength: 1, maxLength: 100 }',
      ],
      'tightened maxLength search search_term',
    ],
    [
      'a dropped pattern',
      [
        "      currency: { type: string, pattern: '^[A-Z]{3}$' }\n      value: { type: number, minimum: 0 }\n      shipping",
        '      currency: { type: string }\n      value: { type: number, minimum: 0 }\n      shipping',
      ],
      'loosened pattern purchase currency',
    ],
    [
      'a wider type',
      ['tax: { type: number, minimum: 0 }', 'tax: { type: [number, string], minimum: 0 }'],
      'loosened type purchase tax',
    ],
    [
      'a narrower item type',
      ['price: { type: number, minimum: 0 }', 'price: { type: integer, minimum: 0 }'],
      'tightened type purchase items[].price',
    ],
    [
      'a closed event',
      [
        '  search:\n    description: A site search is run.',
        '  search:\n    description: A site search is run.\n    additionalProperties: false',
      ],
      'tightened additionalProperties search',
    ],
  ] as const)('classifies %s', (_case, edit, change) => {
    expect(lines(edited(edit as [string, string]))).toContain(change);
  });

  it('reports events and properties added or removed, once at their outermost place', () => {
    const changed = edited(
      [
        '  search:\n',
        '  refund:\n    required: [transaction_id]\n    properties:\n      transaction_id: { type: string }\n  search:\n',
      ],
      ['      tax: { type: number, minimum: 0 }\n', '      coupon: { type: string }\n'],
    );

    expect(lines(changed)).toEqual(
      expect.arrayContaining([
        'added event refund',
        'added property purchase coupon',
        'removed property purchase tax',
      ]),
    );
    expect(lines(load(shopText.replace(/ {2}search:[\s\S]*$/, '')))).toEqual([
      'removed event search',
    ]);
  });
});

describe('comparing plans written in different formats', () => {
  it.each([
    ['segment/typewriter-plan.json', 'rudderstack/project'],
    ['segment/config-api-export.json', 'avo/shop-export.json'],
    ['json-schema-map/shop.json', 'segment/typewriter-plan.json'],
  ])('finds no change between %s and %s, which say the same', (left, right) => {
    const diff = diffPlans(importFixture(left).plan, importFixture(right).plan);

    expect(diff.changes.map((change) => change.message)).toEqual([]);
  });

  it('shows the bounds and nullable fields an Iglu registry adds to the same events', () => {
    const diff = diffPlans(
      importFixture('tagwarden/shop.yaml').plan,
      importFixture('snowplow-iglu/registry').plan,
    );
    const purchase = diff.changes
      .filter((change) => change.event === 'purchase')
      .map(({ kind, subject, property }) => `${kind} ${subject} ${property}`);

    expect(new Set(diff.changes.map((change) => change.kind))).toEqual(
      new Set(['tightened', 'loosened']),
    );
    expect(purchase).toEqual([
      'loosened type customer_type',
      'tightened maxLength items[].item_id',
      'loosened type items[].item_name',
      'tightened maxLength items[].item_name',
      'loosened type items[].item_category',
      'tightened maximum items[].price',
      'tightened maximum items[].quantity',
    ]);
  });

  it('finds the real differences between an mParticle plan and the shop plan', () => {
    const diff = diffPlans(
      importFixture('tagwarden/shop.yaml').plan,
      importFixture('mparticle/shop-data-plan.json').plan,
    );

    expect(diff.old).toEqual({ name: 'shop-web', format: 'tagwarden' });
    expect(diff.new).toEqual({ name: 'Shop Web', format: 'mparticle' });
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'added', subject: 'event', event: 'checkout' }),
        expect.objectContaining({
          kind: 'added',
          subject: 'property',
          event: 'purchase',
          property: 'products',
        }),
        expect.objectContaining({
          kind: 'removed',
          subject: 'property',
          event: 'purchase',
          property: 'items',
        }),
      ]),
    );
  });
});
