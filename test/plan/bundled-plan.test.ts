import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPlans, findBundledPlan } from '../../shared/plan/bundled-plans.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import { createPlanValidator } from '../../shared/validate/create-plan-validator.js';
import { stanAndFriendsTee } from '../fixtures/google-example-item.js';

const packageRoot = new URL('../../', import.meta.url);

function bundledPlan(): TrackingPlan {
  const entry = findBundledPlan('ga4-recommended');
  if (!entry) throw new Error('ga4-recommended is not bundled');
  const result = loadPlan(readFileSync(new URL(entry.path, packageRoot), 'utf8'), entry.path);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect(result.warnings).toEqual([]);
  return result.plan;
}

// Google's purchase example (developers.google.com/analytics/devguides/collection/ga4/reference/events);
// the same values travel in corpus sample A28.
const googlePurchase = {
  transaction_id: 'T_12345',
  value: 72.05,
  tax: 3.6,
  shipping: 5.99,
  currency: 'USD',
  coupon: 'SUMMER_SALE',
  customer_type: 'new',
  items: [
    { ...stanAndFriendsTee },
    {
      item_id: 'SKU_12346',
      item_name: "Google Grey Women's Tee",
      affiliation: 'Google Merchandise Store',
      coupon: 'SUMMER_FUN',
      discount: 3.33,
      index: 1,
      item_brand: 'Google',
      item_category: 'Apparel',
      item_category2: 'Adult',
      item_category3: 'Shirts',
      item_category4: 'Crew',
      item_category5: 'Short sleeve',
      item_list_id: 'related_products',
      item_list_name: 'Related Products',
      item_variant: 'gray',
      location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
      price: 21.01,
      promotion_id: 'P_12345',
      promotion_name: 'Summer Sale',
      quantity: 2,
    },
  ],
};

const recommendedEvents = [
  'add_payment_info',
  'add_shipping_info',
  'add_to_cart',
  'remove_from_cart',
  'add_to_wishlist',
  'begin_checkout',
  'view_cart',
  'view_item',
  'view_item_list',
  'select_item',
  'view_promotion',
  'select_promotion',
  'purchase',
  'refund',
  'generate_lead',
  'qualify_lead',
  'working_lead',
  'close_convert_lead',
  'close_unconvert_lead',
  'disqualify_lead',
  'login',
  'sign_up',
  'search',
  'share',
  'select_content',
  'join_group',
  'exception',
  'earn_virtual_currency',
  'spend_virtual_currency',
  'level_start',
  'level_end',
  'level_up',
  'post_score',
  'unlock_achievement',
  'tutorial_begin',
  'tutorial_complete',
];

const collectedEvents = [
  'page_view',
  'scroll',
  'click',
  'view_search_results',
  'video_start',
  'video_progress',
  'video_complete',
  'file_download',
  'form_start',
  'form_submit',
  'first_visit',
  'session_start',
  'user_engagement',
];

describe('the bundled ga4-recommended plan', () => {
  it('is listed with a path that exists in the package', () => {
    expect(bundledPlans.map((plan) => plan.name)).toEqual(['ga4-recommended']);
    for (const plan of bundledPlans) expect(existsSync(new URL(plan.path, packageRoot))).toBe(true);
  });

  it('loads without errors or warnings, in tagwarden format', () => {
    const plan = bundledPlan();

    expect(plan.source.format).toBe('tagwarden');
    expect(plan.globals.additionalProperties).toBe(true);
  });

  it('plans every recommended event and every event GA4 collects itself', () => {
    expect(Object.keys(bundledPlan().events).sort()).toEqual(
      [...recommendedEvents, ...collectedEvents].sort(),
    );
  });

  it("passes Google's own purchase example as a gtag hit and as a dataLayer push", () => {
    const validator = createPlanValidator(bundledPlan());

    expect(
      validator.validate({ name: 'purchase', layer: 'ga4', properties: googlePurchase }),
    ).toEqual({ name: 'purchase', layer: 'ga4', status: 'valid', violations: [] });
    const push = { event: 'purchase', ecommerce: googlePurchase, 'gtm.uniqueEventId': 12 };
    expect(
      validator.validate({ name: 'purchase', layer: 'datalayer', properties: push }).status,
    ).toBe('valid');
  });

  it.each([
    [
      'value without currency',
      { value: 30.03, items: googlePurchase.items },
      'missing_required',
      '/currency',
    ],
    [
      'currency in lower case',
      { currency: 'usd', value: 30.03, items: googlePurchase.items },
      'pattern_mismatch',
      '/currency',
    ],
    [
      'an item with neither id nor name',
      { items: [{ price: 10.01, quantity: 3 }] },
      'missing_required',
      '/items/0',
    ],
    [
      'a price sent as text',
      { items: [{ item_id: 'SKU_12345', price: '10.01' }] },
      'type_mismatch',
      '/items/0/price',
    ],
    ['no items', { currency: 'USD', value: 30.03 }, 'missing_required', '/items'],
  ])('flags add_to_cart with %s', (_case, properties, code, path) => {
    const verdict = createPlanValidator(bundledPlan()).validate({
      name: 'add_to_cart',
      layer: 'ga4',
      properties,
    });

    expect(verdict.status).toBe('invalid');
    expect(verdict.violations.map((violation) => [violation.code, violation.path])).toEqual([
      [code, path],
    ]);
  });

  it('accepts custom parameters next to the recommended ones', () => {
    const verdict = createPlanValidator(bundledPlan()).validate({
      name: 'page_view',
      layer: 'ga4',
      properties: { content_group: 'page', custom_page_referrer: 'search.example.com' },
    });

    expect(verdict).toMatchObject({ status: 'valid', violations: [] });
  });
});
