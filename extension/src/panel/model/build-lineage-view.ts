import { lineageNodeFromGa4Event } from '../../../../shared/lineage/lineage-node-from-ga4-event.js';
import { lineageNodeFromPush } from '../../../../shared/lineage/lineage-node-from-push.js';
import type {
  LineageFinding,
  LineageFindingKind,
  LineageNode,
  LineageResult,
} from '../../../../shared/lineage/lineage-types.js';
import { matchLineage } from '../../../../shared/lineage/match-lineage.js';
import type { TrackingPlan } from '../../../../shared/plan/plan-types.js';
import type { TimelineRow } from './timeline-row.js';

/** One line of the lineage view: a push, a hit it produced, that hit's mirror copy. */
export interface LineageLine {
  key: string;
  push?: TimelineRow;
  hit?: TimelineRow;
  mirror?: TimelineRow;
  findings: LineageFinding[];
}

export interface LineageView {
  result: LineageResult;
  lines: LineageLine[];
  /** Findings per row id, for the timeline and the detail view. */
  findingsByRow: Map<string, LineageFinding[]>;
  counts: Record<LineageFindingKind, number>;
}

/**
 * Lineage for the panel: the timeline's push and GA4-protocol rows become lineage nodes,
 * `matchLineage` links them, and the links are laid out as lines (push → hit → mirror), in the
 * order the first record of each line happened. A push planned only for the dataLayer is not
 * expected to reach GA4.
 */
export function buildLineageView(rows: readonly TimelineRow[], plan: TrackingPlan): LineageView {
  const nodes = rows.flatMap((row) => nodeOf(row) ?? []);
  const result = matchLineage(nodes, { expectsHit: (name) => isMeantForGa4(plan, name) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const findingsByRow = groupFindings(result.findings);
  const lines = layOut(nodes, result, byId, findingsByRow);
  return { result, lines, findingsByRow, counts: countKinds(result.findings) };
}

function nodeOf(row: TimelineRow): LineageNode | undefined {
  const place = { id: row.id, time: row.time, scope: row.scope };
  const { source } = row;
  if (source.kind === 'ga4') return lineageNodeFromGa4Event(source.event, place);
  if (source.kind === 'push' && source.input !== undefined)
    return lineageNodeFromPush(row.eventName, source.input.properties, place);
  return undefined;
}

function isMeantForGa4(plan: TrackingPlan, name: string): boolean {
  if (!Object.hasOwn(plan.events, name)) return true;
  const layers = plan.events[name]?.layers ?? [];
  return layers.includes('ga4') || layers.includes('warehouse');
}

function layOut(
  nodes: readonly LineageNode[],
  result: LineageResult,
  byId: Map<string, TimelineRow>,
  findingsByRow: Map<string, LineageFinding[]>,
): LineageLine[] {
  const hitsOfPush = new Map<string, string[]>();
  const mirrorOfHit = new Map<string, string>();
  const linked = new Set<string>();
  for (const link of result.links) {
    linked.add(link.to);
    if (link.kind === 'mirrored-as') mirrorOfHit.set(link.from, link.to);
    else hitsOfPush.set(link.from, [...(hitsOfPush.get(link.from) ?? []), link.to]);
  }

  const lines: LineageLine[] = [];
  const lineOf = (push?: string, hit?: string): LineageLine => {
    const mirror = hit === undefined ? undefined : mirrorOfHit.get(hit);
    const ids = [push, hit, mirror].filter((id): id is string => id !== undefined);
    return {
      key: ids.join('>'),
      ...rowEntry('push', push, byId),
      ...rowEntry('hit', hit, byId),
      ...rowEntry('mirror', mirror, byId),
      findings: ids.flatMap((id) => findingsByRow.get(id) ?? []),
    };
  };
  for (const node of [...nodes].sort((left, right) => left.time - right.time)) {
    if (linked.has(node.id)) continue;
    if (node.layer === 'datalayer') {
      const hits = hitsOfPush.get(node.id) ?? [];
      if (hits.length === 0) lines.push(lineOf(node.id));
      for (const hit of hits) lines.push(lineOf(node.id, hit));
    } else if (node.layer === 'mirror') {
      const findings = findingsByRow.get(node.id) ?? [];
      lines.push({ key: node.id, ...rowEntry('mirror', node.id, byId), findings });
    } else {
      lines.push(lineOf(undefined, node.id));
    }
  }
  return lines;
}

function rowEntry(
  key: 'push' | 'hit' | 'mirror',
  id: string | undefined,
  byId: Map<string, TimelineRow>,
): Partial<Record<'push' | 'hit' | 'mirror', TimelineRow>> {
  const row = id === undefined ? undefined : byId.get(id);
  return row === undefined ? {} : { [key]: row };
}

function groupFindings(findings: readonly LineageFinding[]): Map<string, LineageFinding[]> {
  const byRow = new Map<string, LineageFinding[]>();
  for (const finding of findings)
    byRow.set(finding.node, [...(byRow.get(finding.node) ?? []), finding]);
  return byRow;
}

function countKinds(findings: readonly LineageFinding[]): Record<LineageFindingKind, number> {
  const counts: Record<LineageFindingKind, number> = {
    'pushed-never-sent': 0,
    'sent-not-mirrored': 0,
    'hit-without-push': 0,
    'mirror-without-hit': 0,
    'mirror-differs': 0,
  };
  for (const finding of findings) counts[finding.kind]++;
  return counts;
}
