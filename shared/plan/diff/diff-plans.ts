import type { TrackingPlan } from '../plan-types.js';
import { compareFacets } from './compare-facets.js';
import { flattenEvent } from './flatten-event.js';
import type { ChangeKind, PlanChange, PlanDiff } from './plan-diff-types.js';

/**
 * What changed between two tracking plans, in any formats (a Segment plan against its
 * RudderStack import compares by meaning, not by text): events and properties added or
 * removed, and every constraint tightened, loosened or changed. Descriptions and the order of
 * keys do not count. Never throws.
 */
export function diffPlans(before: TrackingPlan, after: TrackingPlan): PlanDiff {
  const changes: PlanChange[] = [];
  for (const [name, event] of Object.entries(after.events)) {
    const old = Object.hasOwn(before.events, name) ? before.events[name] : undefined;
    if (!old) {
      changes.push({
        kind: 'added',
        subject: 'event',
        event: name,
        property: '',
        message: `Event "${name}" is new.`,
      });
      continue;
    }
    if (old.status !== event.status)
      changes.push({
        kind: 'changed',
        subject: 'status',
        event: name,
        property: '',
        before: old.status,
        after: event.status,
        message: `"${name}" went from ${old.status} to ${event.status}.`,
      });
    changes.push(...diffEvent(name, flattenEvent(old.schema), flattenEvent(event.schema)));
  }
  for (const name of Object.keys(before.events)) {
    if (!Object.hasOwn(after.events, name))
      changes.push({
        kind: 'removed',
        subject: 'event',
        event: name,
        property: '',
        message: `Event "${name}" was removed.`,
      });
  }
  return {
    old: { name: before.name, format: before.source.format },
    new: { name: after.name, format: after.source.format },
    changes,
    summary: summarise(changes),
  };
}

function diffEvent(
  event: string,
  before: ReturnType<typeof flattenEvent>,
  after: ReturnType<typeof flattenEvent>,
): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const [property, facets] of after) {
    const old = before.get(property);
    const label = property === '' ? `"${event}"` : `"${property}" of "${event}"`;
    if (!old) {
      if (isInsideNew(property, before)) continue;
      const note = facets.required ? ' (required)' : '';
      changes.push({
        kind: 'added',
        subject: 'property',
        event,
        property,
        message: `Property ${label} is new${note}.`,
      });
      continue;
    }
    for (const change of compareFacets(old, facets)) {
      const { what, ...rest } = change;
      changes.push({ ...rest, event, property, message: `${label}: ${what}.` });
    }
  }
  for (const property of before.keys()) {
    if (after.has(property) || isInsideNew(property, after)) continue;
    const label = `"${property}" of "${event}"`;
    changes.push({
      kind: 'removed',
      subject: 'property',
      event,
      property,
      message: `Property ${label} was removed.`,
    });
  }
  return changes;
}

// Only the outermost place that appeared or disappeared is reported, not each key inside it.
function isInsideNew(property: string, other: Map<string, unknown>): boolean {
  const parent = property.replace(/(\.[^.[\]]+|\[\])$/, '');
  return parent !== property && parent !== '' && !other.has(parent);
}

function summarise(changes: PlanChange[]): Record<ChangeKind, number> {
  const summary: Record<ChangeKind, number> = {
    added: 0,
    removed: 0,
    tightened: 0,
    loosened: 0,
    changed: 0,
  };
  for (const change of changes) summary[change.kind]++;
  return summary;
}
