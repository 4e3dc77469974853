import type { Layer, Severity, Violation } from '../events/event-types.js';
import type { PlannedEvent } from '../plan/plan-types.js';

/** `unplanned_event` for an event the plan does not list (or that has no name). */
export function unplannedViolation(
  name: string | null,
  planName: string,
  severity: Severity,
): Violation {
  const message =
    name === null
      ? 'The event has no name, so no plan entry can match it: give it a name.'
      : `"${name}" is not in the plan "${planName}": add it to the plan, or stop sending it.`;
  const violation: Violation = { code: 'unplanned_event', severity, path: '', message };
  if (name !== null) violation.actual = name;
  return violation;
}

/**
 * Warnings from the plan entry itself, added to `violations`: a deprecated event, or one seen
 * on an unexpected layer.
 */
export function checkLifecycle(planned: PlannedEvent, layer: Layer, violations: Violation[]): void {
  if (planned.status === 'deprecated') {
    const fix = planned.replacedBy ? `send "${planned.replacedBy}" instead` : 'stop sending it';
    violations.push({
      code: 'deprecated_event',
      severity: 'warning',
      path: '',
      message: `"${planned.name}" is deprecated in the plan: ${fix}.`,
      actual: planned.name,
      ...(planned.replacedBy ? { expected: planned.replacedBy } : {}),
    });
  }
  if (!planned.layers.includes(layer)) {
    violations.push({
      code: 'unplanned_event',
      severity: 'warning',
      path: '',
      message: `"${planned.name}" is planned for ${planned.layers.join(', ') || 'no layer'}, not for ${layer}: add ${layer} to its layers, or stop sending it there.`,
      expected: planned.layers,
      actual: layer,
    });
  }
}
