import ga4RecommendedText from '../../../../shared/plans/ga4-recommended.yaml?raw';
import { findBundledPlan } from '../../../../shared/plan/bundled-plans.js';
import { loadPlan } from '../../../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../../../shared/plan/plan-types.js';

export const BUNDLED_PLAN_NAME = findBundledPlan('ga4-recommended')?.name ?? 'ga4-recommended';

let loaded: TrackingPlan | undefined;

/** Google's recommended GA4 events, the plan a site is judged by until it has its own. */
export function bundledPlan(): TrackingPlan {
  if (loaded !== undefined) return loaded;
  const result = loadPlan(ga4RecommendedText, BUNDLED_PLAN_NAME);
  // The bundled plan is tested to load (test/plan); an empty plan keeps the panel alive anyway.
  loaded = result.ok ? result.plan : emptyPlan();
  return loaded;
}

function emptyPlan(): TrackingPlan {
  const result = loadPlan('name: empty\nevents: {}\n', 'empty');
  if (!result.ok) throw new Error('the empty plan does not load');
  return result.plan;
}
