import { loadPlan } from '../../../../shared/plan/load-plan.js';
import type { PlanError, PlanWarning, TrackingPlan } from '../../../../shared/plan/plan-types.js';

/** Where a site's plan came from, as it is kept in extension storage. */
export interface StoredPlan {
  kind: 'file' | 'url' | 'paste';
  /** The file name, the URL, or `pasted plan`. */
  name: string;
  text: string;
  savedAt: number;
}

/** The plan a session is judged by, and what to tell the user about it. */
export interface PlanChoice {
  plan: TrackingPlan;
  /** `site`: the site's own plan; `bundled`: Google's recommended events, the default. */
  origin: 'site' | 'bundled';
  label: string;
  warnings: PlanWarning[];
  /** Why the site's plan could not be used (it is then the bundled plan that judges). */
  errors: PlanError[];
}

/** Reads a stored plan entry back, or undefined when it is not one (storage is not trusted). */
export function readStoredPlan(value: unknown): StoredPlan | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { kind, name, text, savedAt } = value as Record<string, unknown>;
  if (kind !== 'file' && kind !== 'url' && kind !== 'paste') return undefined;
  if (typeof name !== 'string' || typeof text !== 'string') return undefined;
  return { kind, name, text, savedAt: typeof savedAt === 'number' ? savedAt : 0 };
}

/** The site's plan when it loads, else the bundled plan with the errors that stopped it. */
export function choosePlan(stored: StoredPlan | undefined, bundled: TrackingPlan): PlanChoice {
  const fallback: PlanChoice = {
    plan: bundled,
    origin: 'bundled',
    label: bundled.name,
    warnings: [],
    errors: [],
  };
  if (stored === undefined) return fallback;
  const result = loadPlan(stored.text, stored.name);
  if (!result.ok) return { ...fallback, errors: result.errors };
  return {
    plan: result.plan,
    origin: 'site',
    label: `${result.plan.name} (${stored.name})`,
    warnings: result.warnings,
    errors: [],
  };
}

/** The origin a session's plan is kept under: its page's, or `file:<name>` for an import. */
export function siteKeyOf(url: string | undefined, fallback: string): string {
  if (url === undefined || url === '') return fallback;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? fallback : origin;
  } catch {
    return fallback;
  }
}
