import { lineageNodeFromGa4Event } from '../../../shared/lineage/lineage-node-from-ga4-event.js';
import { lineageNodeFromPush } from '../../../shared/lineage/lineage-node-from-push.js';
import type {
  FieldDifference,
  FieldValue,
  LineageFindingKind,
  LineageNode,
} from '../../../shared/lineage/lineage-types.js';
import { matchLineage } from '../../../shared/lineage/match-lineage.js';
import type { SessionGa4Event, SessionLayers } from './session-layers.js';

/** One record that did not make it to the next layer, and why when the capture can tell. */
export interface LineageGap {
  kind: LineageFindingKind;
  layer: 'datalayer' | 'ga4' | 'mirror';
  name: string | null;
  time: number;
  page?: string;
  reason: string;
}

/**
 * Follows each push to its GA4 hit and each hit to its mirror copy (`shared/lineage/`), and
 * explains the gaps: a hit sent with analytics_storage denied is not mirrored on purpose, since
 * the web mirror template sends nothing without consent (gtm-template/web-mirror/README.md).
 */
export function findLineageGaps(layers: SessionLayers): LineageGap[] {
  const nodes = new Map<string, { node: LineageNode; event?: SessionGa4Event; page?: string }>();
  layers.pushes.forEach((push, index) => {
    const message = isRecord(push.push) ? push.push : {};
    const name = typeof message['event'] === 'string' ? message['event'] : null;
    const place = { id: `push-${index}`, time: push.time ?? 0, scope: scopeOf(layers, index) };
    nodes.set(place.id, {
      node: lineageNodeFromPush(name, message, place),
      ...(push.pageUrl ? { page: push.pageUrl } : {}),
    });
  });
  for (const [prefix, events] of [
    ['hit', layers.ga4Events],
    ['mirror', layers.mirrorEvents],
  ] as const) {
    events.forEach((event, index) => {
      const place = {
        id: `${prefix}-${index}`,
        time: event.time,
        scope: String(event.navigationId),
      };
      nodes.set(place.id, {
        node: lineageNodeFromGa4Event(event.event, place),
        event,
        page: event.event.page.location ?? '',
      });
    });
  }

  const { findings } = matchLineage([...nodes.values()].map((entry) => entry.node));
  return findings.flatMap((finding) => {
    const entry = nodes.get(finding.node);
    if (entry === undefined) return [];
    return [
      {
        kind: finding.kind,
        layer: entry.node.layer === 'sgtm' ? 'ga4' : entry.node.layer,
        name: entry.node.name,
        time: entry.node.time,
        ...(entry.page ? { page: entry.page } : {}),
        reason:
          finding.kind === 'mirror-differs'
            ? `the mirror copy differs from the GA4 hit: ${finding.differences.map(describeDifference).join(', ')}`
            : reasonFor(finding.kind, entry.event),
      },
    ];
  });
}

function reasonFor(kind: LineageFindingKind, placed: SessionGa4Event | undefined): string {
  const consent = placed?.event.consent;
  if (kind === 'sent-not-mirrored' && consent?.analytics_storage?.effective === 'denied')
    return `sent before consent (analytics_storage denied, gcs=${consent.gcs ?? '?'}): the mirror sends nothing without consent`;
  const reasons: Record<LineageFindingKind, string> = {
    'pushed-never-sent': 'no GA4 hit carried this push',
    'sent-not-mirrored': 'no mirror copy reached the collector',
    'hit-without-push': 'no dataLayer push came before this hit',
    'mirror-without-hit': 'a mirror copy with no GA4 hit beside it',
    'mirror-differs': 'the mirror copy differs from the GA4 hit',
  };
  return reasons[kind];
}

function describeDifference(difference: FieldDifference): string {
  const show = (value: FieldValue | undefined) =>
    value === undefined ? 'absent' : JSON.stringify(value);
  return `${difference.path} ${show(difference.hit)} → ${show(difference.mirror)}`;
}

function scopeOf(layers: SessionLayers, index: number): string {
  return String(layers.pushNavigations[index] ?? '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
