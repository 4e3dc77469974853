/** A plan loaded at build time (`extension/loaded-plan-plugin.ts`), as `loadPlan` gives it. */
declare module '*?loaded-plan' {
  const plan: import('../../../shared/plan/plan-types.js').TrackingPlan;
  export default plan;
}
