import loadedPlan from '../../../../shared/plans/ga4-recommended.yaml?loaded-plan';
import { findBundledPlan } from '../../../../shared/plan/bundled-plans.js';
import type { TrackingPlan } from '../../../../shared/plan/plan-types.js';

export const BUNDLED_PLAN_NAME = findBundledPlan('ga4-recommended')?.name ?? 'ga4-recommended';

/**
 * Google's recommended GA4 events, the plan a site is judged by until it has its own. Loaded
 * at build time, as the background's is: reading the YAML and checking every event's schema
 * again cost the panel and the popup a few hundred milliseconds each time they opened.
 */
export function bundledPlan(): TrackingPlan {
  return loadedPlan;
}
