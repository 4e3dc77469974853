import { h, type ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { LineageFindingKind } from '../../../../shared/lineage/lineage-types.js';
import { formatTime } from '../../ui/format-time.js';
import { LayerBadge } from '../../ui/layer-badge.js';
import { StatusIcon } from '../../ui/status-icon.js';
import { VirtualList } from '../../ui/virtual-list.js';
import type { LineageLine, LineageView as LineageData } from '../model/build-lineage-view.js';
import type { TimelineRow } from '../model/timeline-row.js';
import { findingLabel } from './timeline-view.js';

const KINDS: Array<[LineageFindingKind, string]> = [
  ['pushed-never-sent', 'pushed, never sent'],
  ['hit-without-push', 'hit without a push'],
  ['sent-not-mirrored', 'sent to GA4, not mirrored'],
  ['mirror-differs', 'mirror differs from the GA4 hit'],
  ['mirror-without-hit', 'mirror copy without a hit'],
];

export interface LineageViewProps {
  lineage: LineageData;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * Lineage: one line per push → hit → mirror chain, with chips that count and filter each
 * kind of finding. Selecting a line shows its chain and field diff in the detail pane.
 */
export function LineageView(props: LineageViewProps): ComponentChild {
  const [kind, setKind] = useState<LineageFindingKind | null>(null);
  const lines = useMemo(
    () =>
      kind === null
        ? props.lineage.lines
        : props.lineage.lines.filter((line) =>
            line.findings.some((finding) => finding.kind === kind),
          ),
    [props.lineage, kind],
  );
  const isSelected = (line: LineageLine) =>
    [line.push, line.hit, line.mirror].some((row) => row?.id === props.selectedId);
  const activeIndex = lines.findIndex(isSelected);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const next = lines[Math.min(lines.length - 1, Math.max(0, activeIndex + step))];
    if (step === 0 || next === undefined) return;
    event.preventDefault();
    props.onSelect(firstId(next));
  };

  return h(
    'div',
    { class: 'pane list' },
    h(
      'div',
      { class: 'finding-chips', role: 'group', 'aria-label': 'Findings' },
      h(
        'button',
        { 'aria-pressed': kind === null, onClick: () => setKind(null) },
        `all chains (${props.lineage.lines.length})`,
      ),
      KINDS.map(([value, label]) =>
        h(
          'button',
          {
            key: value,
            'aria-pressed': kind === value,
            'data-kind': value,
            onClick: () => setKind(kind === value ? null : value),
          },
          `${label}: ${props.lineage.counts[value]}`,
        ),
      ),
    ),
    h(
      'div',
      { class: 'lineage-head' },
      h('span', null, 'dataLayer push'),
      h('span', null, 'GA4 / sGTM hit'),
      h('span', null, 'Warehouse mirror'),
      h('span', null, 'Findings'),
    ),
    h(VirtualList<LineageLine>, {
      items: lines,
      rowHeight: 26,
      label: 'Lineage',
      activeIndex,
      onKeyDown,
      keyOf: (line) => line.key,
      empty: 'No pushes or GA4 hits yet.',
      renderRow: (line) =>
        h(
          'div',
          {
            class: `lineage-line${isSelected(line) ? ' selected' : ''}`,
            'data-line': line.key,
            onClick: () => props.onSelect(firstId(line)),
          },
          cell(line.push, 'no push'),
          cell(line.hit, line.push === undefined ? '—' : 'never sent'),
          cell(line.mirror, 'no copy'),
          h(
            'span',
            { class: 'lineage-cell' },
            line.findings.map((finding, index) =>
              h('span', { key: index, class: 'flag lineage' }, findingLabel(finding)),
            ),
          ),
        ),
    }),
  );
}

function cell(row: TimelineRow | undefined, missing: string): ComponentChild {
  if (row === undefined) return h('span', { class: 'lineage-cell missing' }, missing);
  return h(
    'span',
    { class: 'lineage-cell' },
    h(StatusIcon, { status: row.status }),
    h(LayerBadge, { layer: row.layer }),
    row.label,
    h('span', { class: 'note' }, formatTime(row.time)),
  );
}

function firstId(line: LineageLine): string {
  return (line.push ?? line.hit ?? line.mirror)?.id ?? '';
}
