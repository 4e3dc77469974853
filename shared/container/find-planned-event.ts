import type { PlannedEvent, TrackingPlan } from '../plan/plan-types.js';

/** The plan's entry for an event name; names such as `constructor` are never inherited ones. */
export function findPlannedEvent(plan: TrackingPlan, name: string): PlannedEvent | undefined {
  return Object.hasOwn(plan.events, name) ? plan.events[name] : undefined;
}
