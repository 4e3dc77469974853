import type { PlannedEvent, TrackingPlan } from '../plan/plan-types.js';
import type { ContainerIndex } from './container-types.js';
import { coverGa4Tags } from './cover-ga4-tags.js';
import {
  coverageGapKinds,
  type CoverageGap,
  type CoverageReport,
  type PlannedEventCoverage,
} from './coverage-types.js';
import { judgeRequiredParameters } from './judge-required-parameters.js';
import type { TagReference } from './mirror-types.js';
import { readEventSenders, type EventSenderView } from './read-event-senders.js';
import { readMirrorTags, type MirrorTagView } from './read-mirror-tags.js';

// Events gtag.js (enhanced measurement) or GA4 itself sends without an event tag
// (GA4 automatically collected events and enhanced measurement reference).
const automaticEvents = new Set([
  'scroll',
  'click',
  'view_search_results',
  'video_start',
  'video_progress',
  'video_complete',
  'file_download',
  'form_start',
  'form_submit',
  'first_visit',
  'session_start',
  'user_engagement',
]);

/**
 * Static coverage of a plan by a web container: which planned events a GA4 tag sends, which
 * of those tags have a mirror, which required parameters a tag does not send, which tags send
 * unplanned events, and which build their event name at run time (not judged). Never throws.
 */
export function computeCoverage(container: ContainerIndex, plan: TrackingPlan): CoverageReport {
  const senders = readEventSenders(container);
  const mirrors = readMirrorTags(container);
  const mirrorsOf = linkMirrors(senders, mirrors);
  const gaps: CoverageGap[] = [];
  const tags = coverGa4Tags(senders, plan, mirrorsOf, gaps);
  const events = Object.values(plan.events).map((event) =>
    coverEvent(container, event, senders, mirrorsOf, gaps),
  );

  const gapCounts = Object.fromEntries(
    coverageGapKinds.map((kind) => [kind, 0]),
  ) as CoverageReport['summary']['gaps'];
  for (const gap of gaps) gapCounts[gap.kind]++;
  return {
    container: {
      file: container.file,
      publicId: container.publicId,
      name: container.containerName,
      containerId: container.containerId,
    },
    plan: { name: plan.name, version: plan.version },
    summary: {
      plannedEvents: events.length,
      expectedOnGa4: events.filter((event) => event.status !== 'not-on-ga4').length,
      withGa4Tag: events.filter((event) => event.status === 'covered').length,
      withMirrorTag: events.filter(
        (event) => event.status === 'covered' && event.mirrorTags.length > 0,
      ).length,
      automatic: events.filter((event) => event.status === 'automatic').length,
      ga4Tags: tags.length,
      mirrorTags: mirrors.length,
      gaps: gapCounts,
    },
    events,
    tags,
    gaps,
  };
}

// A mirror belongs to the tag its mark names, or else to the tag with the same event name
// and the same firing triggers.
function linkMirrors(
  senders: EventSenderView[],
  mirrors: MirrorTagView[],
): Map<string, TagReference[]> {
  const linked = new Map<string, TagReference[]>();
  const triggersOf = (ids: string[]) => [...ids].sort().join(',');
  for (const mirror of mirrors) {
    const sender = senders.find((candidate) =>
      mirror.mirrorOf !== undefined
        ? candidate.tag.id === mirror.mirrorOf
        : candidate.eventName === mirror.eventName &&
          triggersOf(candidate.tag.firingTriggerIds) === triggersOf(mirror.tag.firingTriggerIds),
    );
    if (!sender) continue;
    const list = linked.get(sender.tag.id) ?? [];
    list.push({ tagId: mirror.tag.id, name: mirror.tag.name });
    linked.set(sender.tag.id, list);
  }
  return linked;
}

function coverEvent(
  container: ContainerIndex,
  event: PlannedEvent,
  senders: EventSenderView[],
  mirrorsOf: Map<string, TagReference[]>,
  gaps: CoverageGap[],
): PlannedEventCoverage {
  const { name } = event;
  const sends = (sender: EventSenderView) =>
    sender.reading.names.includes(name) ||
    (sender.reading.isComplete && sender.reading.patterns.some((pattern) => pattern.test(name)));
  const definite = senders.filter(sends);
  const possible = senders.filter(
    (sender) => !sends(sender) && sender.reading.patterns.some((pattern) => pattern.test(name)),
  );
  const active = definite.filter((sender) => !sender.tag.isPaused);
  const reference = (sender: EventSenderView) => ({ tagId: sender.tag.id, name: sender.tag.name });
  const mirrorTags = active.flatMap((sender) => mirrorsOf.get(sender.tag.id) ?? []);

  const status = statusOf(event, active.length, definite.length, possible.length);
  const required = definite.flatMap((sender) =>
    judgeRequiredParameters(container, sender, event.required),
  );

  if (event.status === 'active')
    gaps.push(...eventGaps(name, status, definite, active, mirrorTags, required));
  return {
    name,
    planStatus: event.status,
    status,
    ga4Tags: definite.map(reference),
    possibleTags: possible.map(reference),
    mirrorTags,
    required,
  };
}

function statusOf(
  event: PlannedEvent,
  active: number,
  definite: number,
  possible: number,
): PlannedEventCoverage['status'] {
  if (!event.layers.includes('ga4')) return 'not-on-ga4';
  if (active > 0) return 'covered';
  if (definite > 0) return 'paused';
  if (possible > 0) return 'possible';
  return automaticEvents.has(event.name) ? 'automatic' : 'missing';
}

function eventGaps(
  name: string,
  status: PlannedEventCoverage['status'],
  definite: EventSenderView[],
  active: EventSenderView[],
  mirrorTags: TagReference[],
  required: PlannedEventCoverage['required'],
): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  if (status === 'missing')
    gaps.push({ kind: 'no_ga4_tag', event: name, message: `no GA4 tag sends ${name}` });
  if (status === 'paused') {
    const names = definite.map((sender) => `"${sender.tag.name}"`).join(', ');
    gaps.push({
      kind: 'no_ga4_tag',
      event: name,
      message: `only paused tags send ${name}: ${names}`,
    });
  }
  if (active.length > 0 && mirrorTags.length === 0) {
    gaps.push({
      kind: 'no_mirror_tag',
      event: name,
      message: `${name} is sent to GA4 but no mirror tag copies it to the warehouse`,
    });
  }
  for (const judgement of required.filter((candidate) => candidate.verdict === 'missing')) {
    gaps.push({
      kind: 'missing_required',
      event: name,
      tag: judgement.tag,
      message: `tag "${judgement.tag.name}" sends ${name} without the required parameter ${judgement.parameter}`,
    });
  }
  return gaps;
}
