import { describeSource } from '../../shared/capture/describe-source.js';
import type { CheckedEvent } from '../../shared/check/check-report.js';
import type { Layer, Severity, ViolationCode } from '../../shared/events/event-types.js';

/** One violation shown as an example of its code: which event, where in it, and where from. */
export interface ViolationExample {
  event: string | null;
  layer: Layer;
  path: string;
  message: string;
  page?: string;
  /** The record the event came from (`file#entry`, `file:line`). */
  source: string;
}

export interface ViolationGroup {
  code: ViolationCode;
  /** The highest severity any violation of the code had. */
  severity: Severity;
  count: number;
  /** The event names that carried it, each once, in the order first seen. */
  eventNames: Array<string | null>;
  examples: ViolationExample[];
}

const severityRank: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

interface GroupEntry {
  group: ViolationGroup;
  /** Every violation of the code, the examples picked from them at the end. */
  all: ViolationExample[];
}

/**
 * Every violation of the check grouped by its code, with a count and a few examples each:
 * errors before warnings before notes, then the commonest first. Examples favour different
 * events and paths over repeats of one, so a code's reach shows at a glance.
 */
export function groupViolations(events: CheckedEvent[], examplesPerCode = 3): ViolationGroup[] {
  const groups = new Map<ViolationCode, GroupEntry>();
  for (const event of events) {
    for (const violation of event.violations) {
      const entry = groups.get(violation.code) ?? startGroup(groups, violation.code);
      const { group } = entry;
      group.count += 1;
      if (severityRank[violation.severity] > severityRank[group.severity])
        group.severity = violation.severity;
      if (!group.eventNames.includes(event.name)) group.eventNames.push(event.name);
      entry.all.push({
        event: event.name,
        layer: event.layer,
        path: violation.path,
        message: violation.message,
        ...(event.page === undefined ? {} : { page: event.page }),
        source: describeSource(event.source),
      });
    }
  }

  return [...groups.values()]
    .map(({ group, all }) => ({ ...group, examples: pickExamples(all, examplesPerCode) }))
    .sort(
      (left, right) =>
        severityRank[right.severity] - severityRank[left.severity] ||
        right.count - left.count ||
        left.code.localeCompare(right.code),
    );
}

// Starts at the lowest severity; the first violation counted raises it to its own.
function startGroup(groups: Map<ViolationCode, GroupEntry>, code: ViolationCode): GroupEntry {
  const entry: GroupEntry = {
    group: { code, severity: 'info', count: 0, eventNames: [], examples: [] },
    all: [],
  };
  groups.set(code, entry);
  return entry;
}

function pickExamples(all: ViolationExample[], limit: number): ViolationExample[] {
  const seen = new Set<string>();
  const varied: ViolationExample[] = [];
  const repeats: ViolationExample[] = [];
  for (const example of all) {
    const key = `${example.event ?? ''}\u0000${example.path}`;
    (seen.has(key) ? repeats : varied).push(example);
    seen.add(key);
  }
  return [...varied, ...repeats].slice(0, Math.max(0, limit));
}
