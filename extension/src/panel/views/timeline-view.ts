import { h, type ComponentChild } from 'preact';
import { useMemo } from 'preact/hooks';
import type { LineageFinding } from '../../../../shared/lineage/lineage-types.js';
import { formatTime } from '../../ui/format-time.js';
import { LayerBadge } from '../../ui/layer-badge.js';
import { StatusIcon } from '../../ui/status-icon.js';
import { VirtualList } from '../../ui/virtual-list.js';
import type { SessionNavigation } from '../../common/session-types.js';
import { groupByPage, type DisplayItem } from '../model/group-by-page.js';
import { nextRowIndex } from '../model/next-row-index.js';
import type { TimelineRow } from '../model/timeline-row.js';

export const ROW_HEIGHT = 26;

export interface TimelineViewProps {
  rows: readonly TimelineRow[];
  navigations: readonly SessionNavigation[];
  selectedId: string | null;
  findingsByRow: ReadonlyMap<string, LineageFinding[]>;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onClose: () => void;
}

/**
 * The timeline: every row under a heading for its page or SPA route, windowed so only the
 * rows in view are in the DOM. Arrow keys, Page Up/Down, Home and End move the selection;
 * Enter opens the detail; Escape closes it.
 */
export function TimelineView(props: TimelineViewProps): ComponentChild {
  const items = useMemo(
    () => groupByPage(props.rows, props.navigations),
    [props.rows, props.navigations],
  );
  const activeIndex = items.findIndex(
    (item) => item.kind === 'row' && item.row.id === props.selectedId,
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && props.selectedId !== null) {
      event.preventDefault();
      props.onOpen(props.selectedId);
      return;
    }
    if (event.key === 'Escape') {
      props.onClose();
      return;
    }
    const target = nextRowIndex(items, activeIndex, event.key, pageSizeOf(event));
    if (target === undefined) return;
    event.preventDefault();
    const item = items[target];
    if (item?.kind === 'row') props.onSelect(item.row.id);
  };

  return h(VirtualList<DisplayItem>, {
    items,
    rowHeight: ROW_HEIGHT,
    label: 'Timeline',
    activeIndex,
    ...(props.selectedId === null ? {} : { activeId: `row-${props.selectedId}` }),
    onKeyDown,
    className: 'timeline',
    keyOf: (item) => (item.kind === 'row' ? item.row.id : item.key),
    empty: 'Nothing captured yet: use the page, or import a HAR or session file.',
    renderRow: (item) =>
      item.kind === 'page'
        ? h(
            'div',
            { class: 'page-heading', role: 'presentation' },
            h('span', null, item.title),
            h('span', { class: 'url' }, item.url),
            h('span', { class: 'note' }, `${item.count} row${item.count === 1 ? '' : 's'}`),
          )
        : renderRow(item.row, props),
  });
}

function pageSizeOf(event: KeyboardEvent): number {
  const list = event.currentTarget as HTMLElement | null;
  return Math.max(1, Math.floor((list?.clientHeight ?? 520) / ROW_HEIGHT) - 1);
}

function renderRow(row: TimelineRow, props: TimelineViewProps): ComponentChild {
  const isSelected = row.id === props.selectedId;
  const errors = row.verdicts
    .flatMap((verdict) => verdict.violations)
    .filter((violation) => violation.severity !== 'info');
  const findings =
    props.findingsByRow.get(row.id)?.filter((finding) => finding.severity !== 'info') ?? [];
  return h(
    'div',
    {
      id: `row-${row.id}`,
      class: `row${isSelected ? ' selected' : ''}`,
      role: 'option',
      'aria-selected': isSelected,
      'data-row-id': row.id,
      'data-status': row.status,
      'data-layer': row.layer,
      onClick: () => props.onOpen(row.id),
    },
    h(StatusIcon, { status: row.status }),
    h('span', { class: 'time' }, formatTime(row.time)),
    h(LayerBadge, { layer: row.layer }),
    h(
      'span',
      { class: 'name', title: row.label },
      row.label,
      row.measurementId ? h('span', { class: 'note' }, ` ${row.measurementId}`) : null,
    ),
    h(
      'span',
      { class: 'params' },
      row.keyParams.map((param, index) =>
        h(
          'span',
          { key: param.key },
          index > 0 ? ' · ' : '',
          h('b', null, param.key),
          '=',
          param.value,
        ),
      ),
    ),
    h(
      'span',
      { class: 'flags' },
      errors.length > 0
        ? h(
            'span',
            { class: 'flag count', title: errors.map((violation) => violation.code).join(', ') },
            `${errors.length} issue${errors.length > 1 ? 's' : ''}`,
          )
        : null,
      row.pii.length > 0
        ? h(
            'span',
            {
              class: 'flag pii',
              title: row.pii.map((finding) => `${finding.kind} at ${finding.path}`).join(', '),
            },
            'PII',
          )
        : null,
      findings.length > 0
        ? h(
            'span',
            { class: 'flag lineage', title: findings.map((finding) => finding.kind).join(', ') },
            findingLabel(findings[0] as LineageFinding),
          )
        : null,
      row.hitState === 'failed' || row.hitState === 'not-sent'
        ? h('span', { class: 'flag' }, row.hitState)
        : null,
      row.consent?.signals.analytics_storage === 'denied'
        ? h('span', { class: 'flag' }, 'denied')
        : null,
    ),
  );
}

export function findingLabel(finding: LineageFinding): string {
  switch (finding.kind) {
    case 'pushed-never-sent':
      return 'never sent';
    case 'sent-not-mirrored':
      return 'not mirrored';
    case 'hit-without-push':
      return 'no push';
    case 'mirror-without-hit':
      return 'mirror only';
    case 'mirror-differs':
      return 'mirror differs';
  }
}
