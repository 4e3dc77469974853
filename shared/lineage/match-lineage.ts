import { automaticGa4Events } from './automatic-ga4-events.js';
import { diffMirrorFields } from './diff-mirror-fields.js';
import { linkInOrder } from './link-in-order.js';
import type {
  LineageFinding,
  LineageLink,
  LineageNode,
  LineageOptions,
  LineageResult,
} from './lineage-types.js';

const DEFAULT_WINDOW_MS = 10_000;
const DEFAULT_SKEW_MS = 1_000;

/**
 * Follows records from the dataLayer to the warehouse: each push is linked to the GA4 and
 * server-side hits it produced (same name, within the window after it, agreeing transaction,
 * event and item IDs; one hit per destination), and each hit to its mirror copy. What does
 * not link becomes a finding: pushed but never sent, a hit without a push (Google's automatic
 * events are marked as such), sent but not mirrored, a mirror copy without a hit, and a mirror
 * copy whose fields differ from the hit. Pure and deterministic; never throws on odd input.
 */
export function matchLineage(
  nodes: readonly LineageNode[],
  options: LineageOptions = {},
): LineageResult {
  const ordered = [...nodes].filter(isUsable).sort((left, right) => left.time - right.time);
  const pushes = ordered.filter((node) => node.layer === 'datalayer' && isPlannable(node));
  const hits = ordered.filter((node) => node.layer === 'ga4' || node.layer === 'sgtm');
  const mirrors = ordered.filter((node) => node.layer === 'mirror');
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const skewMs = options.skewMs ?? DEFAULT_SKEW_MS;

  const sent = linkInOrder('sent-as', pushes, hits, { earliestMs: -skewMs, latestMs: windowMs });
  const mirrored = linkInOrder('mirrored-as', hits, mirrors, {
    earliestMs: -windowMs,
    latestMs: windowMs,
  });
  const findings = [
    ...pushFindings(pushes, sent, hits.length > 0 ? options.expectsHit : () => false),
    ...hitFindings(hits, sent, mirrored, pushes.length > 0, expectsMirror(options, mirrors)),
    ...mirrorFindings(mirrors, mirrored, hits.length > 0, ordered, options),
  ];
  return { links: [...sent, ...mirrored], findings };
}

function isUsable(node: LineageNode): boolean {
  return typeof node?.id === 'string' && Number.isFinite(node.time);
}

// GTM's own lifecycle events never reach GA4 as such.
function isPlannable(node: LineageNode): boolean {
  return node.name !== null && node.name !== '' && !node.name.startsWith('gtm.');
}

function expectsMirror(options: LineageOptions, mirrors: readonly LineageNode[]): boolean {
  return options.expectsMirror ?? mirrors.length > 0;
}

function pushFindings(
  pushes: readonly LineageNode[],
  sent: readonly LineageLink[],
  expectsHit: ((name: string) => boolean) | undefined,
): LineageFinding[] {
  const linked = new Set(sent.map((link) => link.from));
  return pushes
    .filter((push) => !linked.has(push.id) && (expectsHit?.(push.name ?? '') ?? true))
    .map((push) => ({ kind: 'pushed-never-sent', node: push.id, severity: 'warning' }));
}

function hitFindings(
  hits: readonly LineageNode[],
  sent: readonly LineageLink[],
  mirrored: readonly LineageLink[],
  hasPushes: boolean,
  isMirrorExpected: boolean,
): LineageFinding[] {
  const pushOf = new Map(sent.map((link) => [link.to, link.from]));
  const mirroredHits = new Set(mirrored.map((link) => link.from));
  // A push sent to Google and to a server container is mirrored once: either copy counts.
  const mirroredPushes = new Set([...mirroredHits].map((hit) => pushOf.get(hit)));
  const findings: LineageFinding[] = [];

  for (const hit of hits) {
    const push = pushOf.get(hit.id);
    if (push === undefined && hasPushes) {
      const isAutomatic = automaticGa4Events.has(hit.name ?? '');
      findings.push({
        kind: 'hit-without-push',
        node: hit.id,
        severity: isAutomatic ? 'info' : 'warning',
        isAutomatic,
      });
    }
    const isMirrored = mirroredHits.has(hit.id) || (push !== undefined && mirroredPushes.has(push));
    if (isMirrorExpected && !isMirrored)
      findings.push({ kind: 'sent-not-mirrored', node: hit.id, severity: 'warning' });
  }
  return findings;
}

function mirrorFindings(
  mirrors: readonly LineageNode[],
  mirrored: readonly LineageLink[],
  hasHits: boolean,
  nodes: readonly LineageNode[],
  options: LineageOptions,
): LineageFinding[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const hitOf = new Map(mirrored.map((link) => [link.to, link.from]));
  const ignored = new Set(['/params/event_id', ...(options.ignoredMirrorFields ?? [])]);
  const findings: LineageFinding[] = [];

  for (const mirror of mirrors) {
    const hitId = hitOf.get(mirror.id);
    if (hitId === undefined) {
      if (hasHits)
        findings.push({ kind: 'mirror-without-hit', node: mirror.id, severity: 'warning' });
      continue;
    }
    const hit = byId.get(hitId);
    if (hit?.fields === undefined || mirror.fields === undefined) continue;
    const differences = diffMirrorFields(hit.fields, mirror.fields, ignored);
    if (differences.length > 0)
      findings.push({
        kind: 'mirror-differs',
        node: mirror.id,
        hit: hitId,
        severity: 'warning',
        differences,
      });
  }
  return findings;
}
