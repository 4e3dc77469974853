import { loadPlan } from '../../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../../shared/plan/plan-types.js';

/** The `storage.local` key of the sites' plans: an object of plan text keyed by origin. */
export const SITE_PLANS_KEY = 'tagwarden.plans';

/**
 * The plan a site's tab is judged by: the plan text kept for its origin under
 * `tagwarden.plans`, else the panel's own entry for it (`plan:<origin>`, a stored file, URL
 * or paste with its `text`), else `fallback` (the bundled GA4 recommended events). A kept
 * plan that does not load gives the fallback too: the panel shows why. Storage is not
 * trusted, so only own string values are read.
 */
export function readSitePlan(
  items: Record<string, unknown>,
  origin: string,
  fallback: TrackingPlan,
): TrackingPlan {
  const text = planTextOf(items, origin);
  if (text === undefined) return fallback;
  const result = loadPlan(text, `${origin} plan`);
  return result.ok ? result.plan : fallback;
}

function planTextOf(items: Record<string, unknown>, origin: string): string | undefined {
  const plans = ownValue(items, SITE_PLANS_KEY);
  const fromPlans = isObject(plans) ? ownValue(plans, origin) : undefined;
  if (typeof fromPlans === 'string') return fromPlans;
  const fromPanel = ownValue(items, `plan:${origin}`);
  const panelText = isObject(fromPanel) ? ownValue(fromPanel, 'text') : undefined;
  return typeof panelText === 'string' ? panelText : undefined;
}

function ownValue(object: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key)
    ? (object as Record<string, unknown>)[key]
    : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The origin a tab's plan is kept under, or undefined for pages without one. */
export function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
