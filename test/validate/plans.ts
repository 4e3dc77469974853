import { readFileSync } from 'node:fs';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import {
  createPlanValidator,
  type PlanValidator,
} from '../../shared/validate/create-plan-validator.js';

export function planFrom(text: string, fileName = 'plan.yaml'): TrackingPlan {
  const result = loadPlan(text, fileName);
  if (!result.ok) throw new Error(`test plan does not load: ${JSON.stringify(result.errors)}`);
  return result.plan;
}

export function validatorFor(text: string): PlanValidator {
  return createPlanValidator(planFrom(text));
}

export function bundledValidator(): PlanValidator {
  const text = readFileSync(
    new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url),
    'utf8',
  );
  return createPlanValidator(planFrom(text, 'ga4-recommended.yaml'));
}

/** A shop's own plan: strict purchases, snake_case names, a deprecated event. */
export const shopPlan = `
name: shop
globals:
  naming: snake_case
$defs:
  item:
    type: object
    anyOf: [{required: [item_id]}, {required: [item_name]}]
    properties:
      price: {type: number}
      quantity: {type: integer, minimum: 1}
events:
  purchase:
    required: [transaction_id, items]
    additionalProperties: false
    uniqueBy: [transaction_id]
    properties:
      currency: {type: string, pattern: '^[A-Z]{3}$'}
      transaction_id: {type: string}
      value: {type: number, multipleOf: 0.01}
      tax: {type: number}
      shipping: {type: number}
      coupon: {type: string}
      items: {type: array, uniqueItems: true, items: {$ref: '#/$defs/item'}}
  view_item:
    properties:
      items: {type: array, items: {$ref: '#/$defs/item'}}
  add_to_wishlist:
    status: deprecated
    replacedBy: save_for_later
  page_view:
    properties:
      page_title: {type: string}
      content_title: {type: string}
`;
