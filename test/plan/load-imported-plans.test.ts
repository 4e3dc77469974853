import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { PlanLoadResult, TrackingPlan } from '../../shared/plan/plan-types.js';
import { createPlanValidator } from '../../shared/validate/create-plan-validator.js';

function planOf(result: PlanLoadResult): TrackingPlan {
  if (!result.ok) throw new Error(`expected the plan to load: ${JSON.stringify(result.errors)}`);
  return result.plan;
}

// The shape of typewriter's local tracking plans (`{events: [{name, description, rules}]}`),
// with a bakery's events.
const typewriterLocalPlan = JSON.stringify(
  {
    events: [
      {
        name: 'Loaf Ordered',
        description: 'A customer orders bread for pickup.',
        rules: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties: {
            context: {},
            traits: {},
            properties: {
              type: 'object',
              properties: {
                loaf_id: { description: 'Catalogue id', type: 'string', key: 'loaf_id' },
                slices: { type: ['integer', 'null'] },
                crust: { type: 'string', pattern: 'soft|crisp' },
                toppings: { type: 'array', items: { $ref: '#/definitions/topping' } },
              },
              required: ['loaf_id'],
            },
          },
          required: ['properties'],
          definitions: {
            topping: {
              type: 'object',
              required: ['name'],
              properties: { name: { type: 'string' } },
            },
          },
        },
      },
      {
        name: 'Oven Checked',
        rules: { type: 'object', properties: { properties: { type: 'object' } } },
      },
    ],
    group_traits: null,
    identify_traits: [],
  },
  null,
  2,
);

// The shape of the Segment Config API export (`{name, display_name, rules: {events}}`).
const configApiExport = JSON.stringify({
  create_time: '2024-03-01T09:00:00.000Z',
  update_time: '2024-05-02T10:30:00.000Z',
  display_name: 'Bakery Web',
  name: 'workspaces/bakery/tracking-plans/rs_bakery01',
  rules: {
    events: [
      {
        name: 'Loaf Ordered',
        version: 1,
        rules: {
          type: 'object',
          properties: { properties: { type: 'object', required: ['loaf_id'] } },
        },
      },
      {
        name: 'Loaf Ordered',
        version: 2,
        rules: {
          type: 'object',
          labels: { owner: 'web' },
          properties: { properties: { type: 'object', required: ['loaf_id', 'store_id'] } },
        },
      },
    ],
  },
});

const jsonSchemaMap = JSON.stringify({
  $defs: {
    item: { type: 'object', required: ['item_id'], properties: { item_id: { type: 'string' } } },
  },
  add_to_cart: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: { $ref: '#/$defs/item' } } },
  },
  scroll: {},
});

describe('loading plans written for other tools', () => {
  it.each([
    [
      'a typewriter local plan',
      typewriterLocalPlan,
      'segment-protocols',
      ['Loaf Ordered', 'Oven Checked'],
    ],
    ['a Segment Config API export', configApiExport, 'segment-protocols', ['Loaf Ordered']],
    ['a plain map of JSON Schemas', jsonSchemaMap, 'json-schema-map', ['add_to_cart', 'scroll']],
  ])('detects %s and lists its events', (_case, text, format, events) => {
    const plan = planOf(loadPlan(text, 'plan.json'));

    expect(plan.source.format).toBe(format);
    expect(Object.keys(plan.events)).toEqual(events);
  });

  it('validates Segment event properties against rules.properties.properties', () => {
    const plan = planOf(loadPlan(typewriterLocalPlan, 'bakery.json'));
    const validator = createPlanValidator(plan);
    const verdict = validator.validate({
      name: 'Loaf Ordered',
      layer: 'other',
      properties: { slices: 12.5, crust: 'burnt', toppings: [{ name: 'seeds' }, {}] },
    });

    expect(plan.events['Loaf Ordered']).toMatchObject({
      description: 'A customer orders bread for pickup.',
      required: ['loaf_id'],
    });
    expect(verdict.violations.map(({ code, path }) => [code, path])).toEqual([
      ['missing_required', '/loaf_id'],
      ['type_mismatch', '/slices'],
      ['pattern_mismatch', '/crust'],
      ['missing_required', '/toppings/1/name'],
    ]);
  });

  it('keeps the highest version of a Segment event and names the plan after display_name', () => {
    const result = loadPlan(configApiExport, 'export.json');
    const plan = planOf(result);

    expect(plan.name).toBe('Bakery Web');
    expect(plan.version).toBe('2024-05-02T10:30:00.000Z');
    expect(plan.events['Loaf Ordered']?.required).toEqual(['loaf_id', 'store_id']);
    expect(result.ok && result.warnings.map((warning) => warning.line)).toEqual([1]);
  });

  it('resolves shared $defs in every event of a JSON Schema map', () => {
    const validator = createPlanValidator(planOf(loadPlan(jsonSchemaMap, 'map.json')));
    const verdict = validator.validate({
      name: 'add_to_cart',
      layer: 'ga4',
      properties: { items: [{ item_name: 'Stan and Friends Tee' }] },
    });

    expect(verdict.violations).toMatchObject([
      { code: 'missing_required', path: '/items/0/item_id' },
    ]);
  });

  it('gives imported plans the default rules', () => {
    const plan = planOf(loadPlan(jsonSchemaMap, 'plans/shop.json'));

    expect(plan.name).toBe('shop');
    expect(plan.globals.naming).toEqual({ events: null, parameters: null });
    expect(plan.layers.datalayer.lift).toEqual(['ecommerce']);
  });

  it('pins a broken Segment rule to its line', () => {
    const text =
      '{\n  "events": [\n    {"name": "Loaf Ordered", "rules": {"properties": {"properties": {"type": "object", "properties": {"slices": {"type": "int"}}}}}}\n  ]\n}\n';
    const result = loadPlan(text, 'bakery.json');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ file: 'bakery.json', line: 3 });
    expect(!result.ok && result.errors[0]?.hint).toContain('Did you mean "integer"?');
  });

  it('reports a Segment event with no name', () => {
    const result = loadPlan('{"events": [{"rules": {}}]}', 'bakery.json');

    expect(!result.ok && result.errors[0]?.message).toBe(
      'Each Segment event needs a "name" and "rules".',
    );
  });
});
