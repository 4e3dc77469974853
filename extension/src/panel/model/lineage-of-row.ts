import type { LineageFinding, LineageLink } from '../../../../shared/lineage/lineage-types.js';
import type { LineageView } from './build-lineage-view.js';
import type { TimelineRow } from './timeline-row.js';

/** A row's place in its chain: the push, each hit it produced and each hit's mirror copy. */
export interface RowLineage {
  push?: TimelineRow;
  hits: Array<{ hit: TimelineRow; delayMs?: number; mirror?: TimelineRow; mirrorDelayMs?: number }>;
  /** A mirror copy no hit was found for. */
  lonelyMirror?: TimelineRow;
  findings: LineageFinding[];
}

/** The chain a row belongs to, whichever of its records the row is. */
export function lineageOfRow(
  view: LineageView,
  rowsById: ReadonlyMap<string, TimelineRow>,
  rowId: string,
): RowLineage {
  const { links } = view.result;
  const incoming = (id: string, kind: LineageLink['kind']) =>
    links.find((link) => link.kind === kind && link.to === id);
  const outgoing = (id: string, kind: LineageLink['kind']) =>
    links.filter((link) => link.kind === kind && link.from === id);

  const row = rowsById.get(rowId);
  if (row === undefined || row.layer === 'vendor' || row.layer === 'other')
    return { hits: [], findings: [] };
  const hitId = row.layer === 'mirror' ? incoming(rowId, 'mirrored-as')?.from : rowId;
  const pushId =
    row.layer === 'datalayer'
      ? rowId
      : hitId === undefined
        ? undefined
        : incoming(hitId, 'sent-as')?.from;
  const hitLinks: Array<{ id: string; delayMs?: number }> =
    pushId === undefined
      ? hitId === undefined
        ? []
        : [{ id: hitId }]
      : outgoing(pushId, 'sent-as').map((link) => ({ id: link.to, delayMs: link.delayMs }));

  const hits = hitLinks.flatMap(({ id, delayMs }) => {
    const hit = rowsById.get(id);
    if (hit === undefined) return [];
    const mirrorLink = outgoing(id, 'mirrored-as')[0];
    const mirror = mirrorLink === undefined ? undefined : rowsById.get(mirrorLink.to);
    return [
      {
        hit,
        ...(delayMs === undefined ? {} : { delayMs }),
        ...(mirror === undefined ? {} : { mirror, mirrorDelayMs: mirrorLink?.delayMs ?? 0 }),
      },
    ];
  });
  const push = pushId === undefined ? undefined : rowsById.get(pushId);
  const lonelyMirror = row.layer === 'mirror' && hitId === undefined ? row : undefined;
  const ids = [
    pushId,
    ...hits.flatMap((entry) => [entry.hit.id, entry.mirror?.id]),
    lonelyMirror?.id,
  ];
  const findings = ids.flatMap((id) =>
    id === undefined ? [] : (view.findingsByRow.get(id) ?? []),
  );
  return {
    ...(push === undefined ? {} : { push }),
    hits,
    ...(lonelyMirror === undefined ? {} : { lonelyMirror }),
    findings,
  };
}
