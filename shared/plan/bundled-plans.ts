/**
 * Plans shipped with tagwarden. Paths are relative to the package root (`shared/plans/` is
 * published with the package); the CLI reads the file from disk, a browser build imports it
 * as raw text.
 */
export interface BundledPlan {
  name: string;
  path: string;
  description: string;
}

export const bundledPlans: readonly BundledPlan[] = [
  {
    name: 'ga4-recommended',
    path: 'shared/plans/ga4-recommended.yaml',
    description:
      "Google's recommended GA4 events plus enhanced-measurement and automatically collected events.",
  },
];

/** The bundled plan with this name, if there is one. */
export function findBundledPlan(name: string): BundledPlan | undefined {
  return bundledPlans.find((plan) => plan.name === name);
}
