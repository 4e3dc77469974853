import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCaptures } from '../../shared/check/check-captures.js';
import { readCapture } from '../../shared/capture/read-capture.js';
import { importPlan } from '../../shared/plan/importers/import-plan.js';
import { writePlanDocument } from '../../shared/plan/importers/write-plan-document.js';
import { inferPlanFromInputs } from '../../shared/plan/infer/infer-plan-from-inputs.js';
import { inferPlan } from '../../shared/plan/infer/infer-plan.js';

const fixture = (path: string) => ({
  name: path,
  text: readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'),
});

// Example pushes as a team writes them in a plan spreadsheet: one JSON array.
const examplePushes = JSON.stringify([
  {
    event: 'view_item',
    ecommerce: {
      currency: 'EUR',
      value: 19.9,
      items: [{ item_id: 'SKU-1', item_name: 'Tee', price: 19.9, quantity: 1 }],
    },
  },
  { ecommerce: null },
  {
    event: 'view_item',
    ecommerce: {
      currency: 'EUR',
      value: 12.5,
      items: [
        { item_id: 'SKU-2', item_name: 'Mug', price: 12.5, quantity: 1, item_variant: 'blue' },
      ],
    },
  },
  {
    event: 'view_item',
    ecommerce: {
      currency: 'EUR',
      value: 8,
      items: [{ item_id: 'SKU-3', item_name: 'Card', price: 8, quantity: 2 }],
    },
  },
  { event: 'login', method: 'google' },
  { event: 'login', method: 'email' },
  { event: 'login', method: 'google' },
  { event: 'login', method: 'google', referrer_campaign: 'spring' },
  { event: 'gtm.dom' },
]);

describe('inferring a draft plan from example pushes', () => {
  const { plan, events } = inferPlanFromInputs([{ name: 'examples.json', text: examplePushes }]);

  it('plans one event per name seen, skipping GTM’s own events', () => {
    expect(events).toBe(7);
    expect(Object.keys(plan.events)).toEqual(['view_item', 'login']);
  });

  it('marks the plan and every event as a draft that says what it was inferred from', () => {
    expect(plan['x-draft']).toBe(true);
    expect(plan.description).toContain('from 7 events');
    expect(plan.events['login']).toMatchObject({
      status: 'draft',
      description: 'Inferred from 4 events (datalayer 4).',
    });
  });

  it('types properties, requires what every event carried and lists few repeated values as an enum', () => {
    expect(plan.events['login']).toMatchObject({
      required: ['method'],
      properties: {
        method: {
          type: 'string',
          enum: ['email', 'google'],
          description: 'Inferred from 4 of 4 events.',
        },
        referrer_campaign: { type: 'string', description: 'Inferred from 1 of 4 events.' },
      },
    });
    expect(plan.events['view_item']).toMatchObject({
      required: ['currency', 'value', 'items'],
      properties: {
        currency: { type: 'string', pattern: '^[A-Z]{3}$' },
        value: { type: 'number' },
      },
    });
  });

  it('describes ecommerce items once, in $defs, with the fields every item carried required', () => {
    expect(plan.events['view_item']?.['properties']).toMatchObject({
      items: { type: 'array', minItems: 1, items: { $ref: '#/$defs/item' } },
    });
    expect(plan.$defs?.['item']).toMatchObject({
      type: 'object',
      required: ['item_id', 'item_name', 'price', 'quantity'],
      properties: { quantity: { type: 'integer' }, item_variant: { type: 'string' } },
    });
  });

  it('keeps ids and free text out of enums, and never enumerates from too few samples', () => {
    const item = plan.$defs?.['item'] as { properties: Record<string, Record<string, unknown>> };

    expect(item.properties['item_id']).not.toHaveProperty('enum');
    expect(item.properties['item_variant']).not.toHaveProperty('enum');
  });
});

describe('inferring a draft plan from captured sessions', () => {
  const inputs = [
    fixture('captures/shop-journey.har'),
    fixture('captures/datalayer-session.ndjson'),
    fixture('plans/pushes/shop-session.ndjson'),
  ];
  const { plan } = inferPlanFromInputs(inputs);

  it('reads HAR and NDJSON captures the way check does, GA4 hits and pushes alike', () => {
    expect(plan.events['add_to_cart']?.['description']).toBe(
      'Inferred from 3 events (ga4 1, datalayer 2).',
    );
    expect(plan.events['page_view']?.['description']).toMatch(/\(ga4 \d+\)\.$/);
  });

  it('says where values had more than one type instead of hiding it', () => {
    const value = (
      plan.events['purchase']?.['properties'] as Record<
        string,
        { description: string; type: unknown }
      >
    )['value'];

    expect(value?.type).toEqual(['number', 'string']);
    expect(value?.description).toContain('Seen as');
  });

  it('loads as a tagwarden plan and passes every event it was inferred from', () => {
    const loaded = importPlan([{ name: 'draft.yaml', text: writePlanDocument(plan) }]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const records = inputs.flatMap((input) => readCapture(input.text, input.name).records);
    const report = checkCaptures(records, loaded.plan, { inputs: [] });
    const schemaCodes = new Set([
      'missing_required',
      'type_mismatch',
      'enum_mismatch',
      'pattern_mismatch',
      'out_of_range',
      'unexpected_property',
      'schema_violation',
      'unplanned_event',
    ]);
    const broken = report.events.flatMap((event) =>
      event.violations
        .filter((violation) => schemaCodes.has(violation.code))
        .map((violation) => `${event.name} ${violation.code} ${violation.path}`),
    );

    expect(loaded.format).toBe('tagwarden');
    // add_to_wishlist is a gtag call pushed as an array, and the null row a push with a decode
    // warning: GTM never turned either into an event, so there was nothing to infer from.
    expect(broken).toEqual(['add_to_wishlist unplanned_event ', 'null unplanned_event ']);
  });
});

describe('inferring from nothing useful', () => {
  it('gives an empty draft for events without names', () => {
    expect(inferPlan([]).events).toEqual({});
    expect(
      inferPlanFromInputs([{ name: 'x.json', text: '[{"ecommerce": null}, 3, "text"]' }]).events,
    ).toBe(0);
  });

  it('reports a JSON array it cannot parse as an input error naming the file', () => {
    const result = inferPlanFromInputs([{ name: 'pushes.json', text: '[{"event": "login",' }]);

    expect(result.errors).toMatchObject([
      {
        source: { file: 'pushes.json' },
        message: expect.stringContaining('pushes.json is not valid JSON'),
      },
    ]);
  });
});
