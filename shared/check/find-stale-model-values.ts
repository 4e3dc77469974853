import type { ReplayStep } from '../datalayer/index.js';
import type { Violation } from '../events/event-types.js';

const reportedPathsLimit = 5;

/**
 * Where GTM's merged model holds values this push did not set, under the objects the plan
 * lifts (by default `ecommerce`). GTM merges arrays by index, so without a `{ecommerce: null}`
 * push first, items of an earlier event survive into this one and GA4 tags reading the model
 * send them (the stale-items trap of the dataLayer notes, §11.2 and §12).
 */
export function findStaleModelValues(step: ReplayStep, liftedKeys: readonly string[]): Violation[] {
  if (step.kind !== 'object' || !isRecord(step.push)) return [];
  const violations: Violation[] = [];

  for (const key of liftedKeys) {
    const pushed = step.push[key];
    const merged = (step.model as Record<string, unknown>)[key];
    if (!isRecord(pushed) || !isRecord(merged)) continue;
    const stale: string[] = [];
    collectStalePaths(pushed, merged, '', stale);
    if (stale.length === 0) continue;

    const shown = stale
      .slice(0, reportedPathsLimit)
      .map((path) => `${key}${path.replace(/\//g, '.')}`);
    const more =
      stale.length > reportedPathsLimit ? ` and ${stale.length - reportedPathsLimit} more` : '';
    violations.push({
      code: 'stale_model_value',
      severity: 'warning',
      path: stale[0] ?? '',
      message:
        `GTM's model still holds ${shown.join(', ')}${more} from an earlier push, and tags reading ` +
        `the model send it with this event. Push {${key}: null} before this event.`,
      actual: stale.length,
    });
  }
  return violations;
}

function collectStalePaths(pushed: unknown, merged: unknown, path: string, stale: string[]): void {
  if (Array.isArray(merged) && Array.isArray(pushed)) {
    merged.forEach((value, index) => {
      if (index >= pushed.length) stale.push(`${path}/${index}`);
      else collectStalePaths(pushed[index], value, `${path}/${index}`, stale);
    });
    return;
  }
  if (!isRecord(merged) || !isRecord(pushed)) return;
  for (const [key, value] of Object.entries(merged)) {
    if (!Object.hasOwn(pushed, key)) stale.push(`${path}/${key}`);
    else collectStalePaths(pushed[key], value, `${path}/${key}`, stale);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
