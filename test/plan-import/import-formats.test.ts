import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../shared/plan/importers/import-types.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import { createPlanValidator } from '../../shared/validate/create-plan-validator.js';
import { importFixture } from './plan-fixtures.js';

function violations(plan: TrackingPlan, name: string, properties: Record<string, unknown>) {
  const verdict = createPlanValidator(plan).validate({ name, layer: 'ga4', properties });
  // Personal-data findings do not depend on the plan's format; these tests pin the schemas.
  return verdict.violations
    .filter(({ code }) => code !== 'pii_suspected')
    .map(({ code, path }) => `${code} ${path}`)
    .sort();
}

function warningAt(warnings: ImportIssue[], text: string): ImportIssue {
  const found = warnings.find((warning) => warning.message.includes(text));
  if (!found) throw new Error(`no warning "${text}" in ${JSON.stringify(warnings, null, 2)}`);
  return found;
}

const tee = { item_id: 'SKU-TEE-01', item_name: 'Harbour Tee', price: 19.9, quantity: 1 };

describe('importing Segment Protocols plans', () => {
  it('moves each rule’s definitions into the plan’s $defs and drops Segment’s annotations', () => {
    const { format, document } = importFixture('segment/typewriter-plan.json');

    expect(format).toBe('segment-protocols');
    expect(Object.keys(document.$defs ?? {})).toEqual(['item']);
    expect(document.events['purchase']?.['properties']).toMatchObject({
      items: { items: { $ref: '#/$defs/item' } },
      transaction_id: { type: 'string', minLength: 1 },
    });
    expect(JSON.stringify(document)).not.toContain('"key"');
  });

  it('names a Config API export after display_name and versions it by update_time', () => {
    const { document, plan } = importFixture('segment/config-api-export.json');

    expect(document).toMatchObject({ name: 'Shop Web', version: '2025-06-01T12:00:00.000Z' });
    expect(violations(plan, 'purchase', { currency: 'EUR', value: 5, items: [tee] })).toEqual([
      'missing_required /transaction_id',
    ]);
  });
});

describe('importing RudderStack tracking plans', () => {
  it('resolves the $refs of a v0.1 project folder into events, properties and a custom type', () => {
    const { format, document, warnings } = importFixture('rudderstack/project');

    expect(format).toBe('rudderstack');
    expect(document.name).toBe('Shop Web');
    expect(Object.keys(document.events)).toEqual([
      'view_item',
      'add_to_cart',
      'purchase',
      'search',
    ]);
    expect(document.$defs?.['item']).toMatchObject({ type: 'object', required: ['item_id'] });
    expect(document.events['purchase']).toMatchObject({
      required: ['transaction_id', 'currency', 'value', 'items'],
      properties: { customer_type: { type: 'string', enum: ['new', 'returning'] } },
    });
    expect(warningAt(warnings, 'identify calls')).toMatchObject({
      file: 'test/fixtures/plans/rudderstack/project/tracking-plan.yaml',
      line: 62,
      path: '/spec/rules/4',
    });
  });

  it('turns a v1 discriminator variant into conditions that check each case', () => {
    const { plan } = importFixture('rudderstack/checkout-v1.yaml');
    const billing = { country: 'BE' };

    expect(violations(plan, 'add_payment_info', { payment_type: 'paypal', billing })).toEqual([]);
    expect(violations(plan, 'add_payment_info', { payment_type: 'card', billing })).toEqual([
      'missing_required /card_network',
    ]);
    expect(
      violations(plan, 'add_payment_info', { payment_type: 'invoice', invoice_days: 7, billing }),
    ).toEqual(['out_of_range /invoice_days']);
  });

  it('keeps nested properties, union types, custom types and a closed event', () => {
    const { plan } = importFixture('rudderstack/checkout-v1.yaml');
    const base = { payment_type: 'paypal' };

    expect(
      violations(plan, 'add_payment_info', {
        ...base,
        value: null,
        billing: { country: 'BE', postcode: '1000' },
      }),
    ).toEqual([]);
    expect(
      violations(plan, 'add_payment_info', { ...base, billing: { postcode: 'x!', city: 'Gent' } }),
    ).toEqual([
      'missing_required /billing/country',
      'pattern_mismatch /billing/postcode',
      'unexpected_property /billing/city',
    ]);
    expect(
      violations(plan, 'add_payment_info', { ...base, billing: { country: 'BE' }, coupon: 'X' }),
    ).toEqual(['unexpected_property /coupon']);
  });

  it('names the config key it could not translate, with its line and path', () => {
    const { warnings } = importFixture('rudderstack/checkout-v1.yaml');

    expect(warningAt(warnings, '"colour"')).toMatchObject({
      file: 'test/fixtures/plans/rudderstack/checkout-v1.yaml',
      line: 50,
      path: '/spec/properties/5/config/colour',
    });
  });
});

describe('importing mParticle data plans', () => {
  it('reads the newest version and turns its event data points into events', () => {
    const { format, document, warnings } = importFixture('mparticle/shop-data-plan.json');

    expect(format).toBe('mparticle');
    expect(document).toMatchObject({ name: 'Shop Web', version: '2' });
    expect(Object.keys(document.events)).toEqual([
      'view_item',
      'search',
      'add_to_cart',
      'purchase',
      'checkout',
    ]);
    expect(warningAt(warnings, 'version 2, the newest').path).toBe('/data_plan_versions');
    expect(warningAt(warnings, 'User attributes').path).toBe(
      '/data_plan_versions/1/version_document/data_points/5/match',
    );
    expect(warningAt(warnings, 'application_state_transition').line).toBeGreaterThan(1);
  });

  it('checks custom attributes, and product actions under mParticle’s field names', () => {
    const { plan } = importFixture('mparticle/shop-version-2.json');

    expect(
      violations(plan, 'view_item', { currency: 'EUR', value: 3, item_id: 'A', colour: 'red' }),
    ).toEqual(['unexpected_property /colour']);
    expect(
      violations(plan, 'purchase', {
        transaction_id: 'T1',
        total_amount: 9,
        products: [{ name: 'Mug' }],
      }),
    ).toEqual(['missing_required /products/0/id']);
    expect(plan.events['purchase']?.required).toEqual([
      'transaction_id',
      'total_amount',
      'products',
    ]);
  });
});

describe('importing Snowplow Iglu schemas', () => {
  it('uses the highest SchemaVer of each schema in a registry folder', () => {
    const { format, plan } = importFixture('snowplow-iglu/registry');

    expect(format).toBe('snowplow-iglu');
    expect(plan.events['add_to_cart']?.required).toEqual(['currency', 'value', 'items']);
    expect(plan.events['add_to_cart']?.description).toContain('test.shop/add_to_cart 1-0-1');
  });

  it('translates draft-04 exclusive bounds and tuple items of a single schema file', () => {
    const { plan } = importFixture('snowplow-iglu/refund.json');

    expect(violations(plan, 'refund', { transaction_id: 'T1', value: 0 })).toEqual([
      'out_of_range /value',
    ]);
    expect(
      violations(plan, 'refund', { transaction_id: 'T1', value: 1, lines: ['SKU', 2, 'extra'] }),
    ).toEqual(['schema_violation /lines/2']);
    expect(violations(plan, 'refund', { transaction_id: 'T1', value: 1, reason: 'late' })).toEqual(
      [],
    );
  });
});

describe('importing OpenTrackPlan projects', () => {
  it('names events by their event_name value and merges catalog, common and event fields for web', () => {
    const { format, document, warnings } = importFixture('opentrackplan/project');

    expect(format).toBe('opentrackplan');
    expect(document).toMatchObject({ name: 'Shop tracking plan', version: '2.1.0' });
    expect(Object.keys(document.events).sort()).toEqual([
      'checkout_progress',
      'purchase',
      'view_item',
    ]);
    expect(document.events['view_item']).toMatchObject({
      required: ['site_section', 'currency', 'value', 'item_ids'],
      properties: {
        site_section: { type: 'string', const: 'catalogue' },
        item_ids: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', pattern: '^SKU-[A-Z0-9-]+$' },
        },
      },
    });
    expect(warningAt(warnings, 'ios, android are left out').path).toBe(
      '/spec/events/payload/targets/all',
    );
  });

  it('reads the current version of a versioned payload, derived from its base', () => {
    const { plan } = importFixture('opentrackplan/project');

    expect(plan.events['purchase']?.required).toEqual([
      'site_section',
      'transaction_id',
      'value',
      'currency',
    ]);
    expect(
      violations(plan, 'purchase', {
        site_section: 'checkout',
        transaction_id: 'T',
        value: 1,
        currency: 'EUR',
        customer_type: 'guest',
      }),
    ).toEqual(['enum_mismatch /customer_type']);
  });

  it('carries lifecycle status, replacement and dictionary values', () => {
    const { plan } = importFixture('opentrackplan/project');
    const progress = plan.events['checkout_progress'];

    expect(progress).toMatchObject({ status: 'deprecated', replacedBy: 'purchase' });
    expect(violations(plan, 'checkout_progress', { site_section: 'account' })).toEqual([
      'deprecated_event ',
      'enum_mismatch /site_section',
    ]);
  });
});

describe('importing Avo exports and the other JSON Schema formats', () => {
  it('recognises an Avo export before its Segment-like shape and keeps its user properties', () => {
    const { format, plan } = importFixture('avo/shop-export.json');

    expect(format).toBe('avo');
    expect(plan.events['purchase']?.userProperties).toEqual({
      customer_tier: { type: 'string', enum: ['gold', 'silver', 'bronze'] },
    });
  });

  it('imports a JSON Schema map and the bundled GA4 plan as they are', () => {
    expect(importFixture('json-schema-map/shop.json').format).toBe('json-schema-map');
    expect(importFixture('tagwarden/shop.yaml').document.name).toBe('shop-web');
  });
});
