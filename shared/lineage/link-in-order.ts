import type { LineageLink, LineageNode } from './lineage-types.js';
import { scoreCandidate } from './score-candidate.js';

/** How far apart in time a source and a target may be: `target.time - source.time`. */
export interface LinkWindow {
  earliestMs: number;
  latestMs: number;
}

/**
 * Links each target (in time order) to its best source: same name, same scope, within the
 * window, no conflicting ID, and not already linked to another target of the same
 * destination. Among equal scores a hit to Google wins over a server-side one, then the
 * earliest source, so pushes and the hits gtag batches from them pair up in the order they
 * happened.
 */
export function linkInOrder(
  kind: LineageLink['kind'],
  sources: readonly LineageNode[],
  targets: readonly LineageNode[],
  window: LinkWindow,
): LineageLink[] {
  const sourcesByName = groupByName(sources);
  const used = new Set<string>();
  const links: LineageLink[] = [];

  for (const target of targets) {
    const candidates = target.name === null ? undefined : sourcesByName.get(target.name);
    if (candidates === undefined) continue;
    const best = findBest(candidates, target, window, used);
    if (best === undefined) continue;
    used.add(usageKey(best.source, target));
    links.push({
      kind,
      from: best.source.id,
      to: target.id,
      matchedBy: best.matchedBy,
      delayMs: target.time - best.source.time,
    });
  }
  return links;
}

function findBest(
  candidates: readonly LineageNode[],
  target: LineageNode,
  window: LinkWindow,
  used: ReadonlySet<string>,
): { source: LineageNode; matchedBy: LineageLink['matchedBy'] } | undefined {
  let best: { source: LineageNode; matchedBy: LineageLink['matchedBy']; score: number } | undefined;
  for (let index = firstAtOrAfter(candidates, target.time - window.latestMs); ; index++) {
    const source = candidates[index];
    if (source === undefined || source.time > target.time - window.earliestMs) break;
    if (!isSameScope(source, target) || used.has(usageKey(source, target))) continue;
    const score = scoreCandidate(source, target);
    if (score !== null && (best === undefined || isBetter(score.score, source, best)))
      best = { source, ...score };
  }
  return best;
}

// A mirror copy repeats the GA4 tag's event: between a hit to Google and its server-side twin
// that fit equally well, the copy belongs to the one sent to Google.
function isBetter(
  score: number,
  source: LineageNode,
  best: { score: number; source: LineageNode },
) {
  if (score !== best.score) return score > best.score;
  return source.layer === 'ga4' && best.source.layer !== 'ga4';
}

function usageKey(source: LineageNode, target: LineageNode): string {
  return `${source.id}\u0000${target.destination ?? target.layer}`;
}

function isSameScope(left: LineageNode, right: LineageNode): boolean {
  return left.scope === undefined || right.scope === undefined || left.scope === right.scope;
}

function groupByName(nodes: readonly LineageNode[]): Map<string, LineageNode[]> {
  const groups = new Map<string, LineageNode[]>();
  for (const node of nodes) {
    if (node.name === null) continue;
    const group = groups.get(node.name);
    if (group === undefined) groups.set(node.name, [node]);
    else group.push(node);
  }
  return groups;
}

/** Index of the first node at or after `time` in a time-ordered list (binary search). */
function firstAtOrAfter(nodes: readonly LineageNode[], time: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((nodes[middle]?.time ?? Infinity) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}
