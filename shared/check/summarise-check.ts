import type { Layer, Verdict } from '../events/event-types.js';
import type { TrackingPlan } from '../plan/plan-types.js';
import type { PendingEvent } from './check-captures.js';
import type { CheckSummary, CheckedEvent } from './check-report.js';

/** Joins what the capture said about an event with the plan's verdict on it. */
export function finishEvent(event: PendingEvent, verdict: Verdict | undefined): CheckedEvent {
  const violations = [...event.violations, ...(verdict?.violations ?? [])];
  const hasError = violations.some((violation) => violation.severity === 'error');
  const planStatus = verdict?.status ?? 'valid';
  return {
    name: event.input.name,
    layer: event.input.layer,
    status: planStatus === 'unplanned' ? 'unplanned' : hasError ? 'invalid' : 'valid',
    violations,
    ...event.context,
  };
}

export function summarise(events: CheckedEvent[]): CheckSummary {
  const summary: CheckSummary = {
    events: events.length,
    valid: 0,
    invalid: 0,
    unplanned: 0,
    violations: { error: 0, warning: 0, info: 0 },
  };
  for (const event of events) {
    summary[event.status]++;
    for (const violation of event.violations) summary.violations[violation.severity]++;
  }
  return summary;
}

/**
 * Active planned events that no input carried on a layer the inputs cover. A capture without
 * any dataLayer pushes says nothing about the dataLayer, so only observed layers count.
 */
export function findMissingEvents(
  plan: TrackingPlan,
  events: CheckedEvent[],
): Array<{ name: string; layers: Layer[] }> {
  const observedLayers = new Set(events.map((event) => event.layer));
  const seen = new Set(events.map((event) => `${event.layer}\u0000${event.name ?? ''}`));
  const missing: Array<{ name: string; layers: Layer[] }> = [];
  for (const planned of Object.values(plan.events)) {
    if (planned.status !== 'active') continue;
    const layers = planned.layers.filter(
      (layer) => observedLayers.has(layer) && !seen.has(`${layer}\u0000${planned.name}`),
    );
    if (layers.length > 0) missing.push({ name: planned.name, layers });
  }
  return missing;
}
