import type { TrackingPlan } from '../plan/plan-types.js';
import type { CoverageGap, TagCoverage } from './coverage-types.js';
import { findPlannedEvent } from './find-planned-event.js';
import type { TagReference } from './mirror-types.js';
import type { EventSenderView } from './read-event-senders.js';

/**
 * Compares each GA4 event tag's event name with the plan: planned, deprecated, unplanned,
 * inferred from its triggers, or dynamic (only known at run time, so not judged).
 */
export function coverGa4Tags(
  senders: EventSenderView[],
  plan: TrackingPlan,
  mirrorsOf: Map<string, TagReference[]>,
  gaps: CoverageGap[],
): TagCoverage[] {
  const planned = Object.keys(plan.events);
  return senders
    .filter((sender) => sender.kind === 'event-tag')
    .map((sender) => {
      const { tag, reading } = sender;
      const matched = planned.filter((name) =>
        reading.patterns.some((pattern) => pattern.test(name)),
      );
      const names = [...new Set([...reading.names, ...matched])];
      gaps.push(...tagGaps(sender, names, matched, plan));
      return {
        tag: { tagId: tag.id, name: tag.name, type: tag.type },
        eventName: sender.eventName,
        names,
        status: statusOf(sender, plan),
        isPaused: tag.isPaused,
        mirrorTags: mirrorsOf.get(tag.id) ?? [],
      };
    });
}

function tagGaps(
  sender: EventSenderView,
  names: string[],
  matched: string[],
  plan: TrackingPlan,
): CoverageGap[] {
  const { tag, reading } = sender;
  const reference = { tagId: tag.id, name: tag.name };
  const gaps: CoverageGap[] = [];
  for (const name of reading.names.filter((candidate) => !findPlannedEvent(plan, candidate))) {
    const message = `tag "${tag.name}" sends ${name}, which the plan does not list`;
    gaps.push({ kind: 'unplanned_event', event: name, tag: reference, message });
  }
  for (const name of names) {
    const event = findPlannedEvent(plan, name);
    if (event?.status !== 'deprecated') continue;
    const replacement = event.replacedBy ? ` (use ${event.replacedBy})` : '';
    const message = `tag "${tag.name}" sends ${name}, which the plan deprecates${replacement}`;
    gaps.push({ kind: 'deprecated_event', event: name, tag: reference, message });
  }
  if (!reading.isComplete) {
    const maybe = matched.length > 0 ? `; it may send ${matched.join(', ')}` : '';
    const message = `tag "${tag.name}" builds its event name (${sender.eventName}) at run time: it cannot be judged statically${maybe}`;
    gaps.push({ kind: 'dynamic_event_name', tag: reference, message });
  }
  return gaps;
}

function statusOf(sender: EventSenderView, plan: TrackingPlan): TagCoverage['status'] {
  const { reading } = sender;
  if (!reading.isComplete) return 'dynamic';
  if (reading.patterns.length > 0) return 'inferred';
  const events = reading.names.map((name) => findPlannedEvent(plan, name));
  if (events.some((event) => event === undefined)) return 'unplanned';
  return events.some((event) => event?.status === 'deprecated') ? 'deprecated' : 'planned';
}
