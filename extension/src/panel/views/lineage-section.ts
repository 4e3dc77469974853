import { h, type ComponentChild } from 'preact';
import type { LineageFinding } from '../../../../shared/lineage/lineage-types.js';
import { formatDelay } from '../../ui/format-time.js';
import { LayerBadge } from '../../ui/layer-badge.js';
import { StatusIcon } from '../../ui/status-icon.js';
import type { RowLineage } from '../model/lineage-of-row.js';
import type { TimelineRow } from '../model/timeline-row.js';

const FINDING_TEXT: Record<LineageFinding['kind'], string> = {
  'pushed-never-sent': 'Pushed, never sent: no GA4 hit carried this event.',
  'sent-not-mirrored': 'Sent to GA4, not mirrored: no warehouse copy of this hit was seen.',
  'hit-without-push': 'Hit without a push: no dataLayer push of this event came before it.',
  'mirror-without-hit': 'Mirror copy without a GA4 hit.',
  'mirror-differs': 'The mirror copy differs from the GA4 hit.',
};

/** The chain push → hit → mirror of a row, its findings, and the field diff of a mirror copy. */
export function LineageSection(props: {
  lineage: RowLineage;
  onSelect: (id: string) => void;
}): ComponentChild {
  const { lineage } = props;
  const link = (row: TimelineRow | undefined, note?: string) =>
    row === undefined
      ? h('span', { class: 'lineage-cell missing' }, note ?? '—')
      : h(
          'button',
          {
            class: 'lineage-cell',
            onClick: () => props.onSelect(row.id),
            title: 'Show this record',
          },
          h(StatusIcon, { status: row.status }),
          h(LayerBadge, { layer: row.layer }),
          row.label,
        );
  return h(
    'div',
    { class: 'lineage-detail' },
    h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'dataLayer push'),
          h('th', null, 'GA4 / sGTM hit'),
          h('th', null, 'Warehouse mirror'),
        ),
      ),
      h(
        'tbody',
        null,
        lineage.hits.length === 0
          ? h(
              'tr',
              null,
              h('td', null, link(lineage.push, 'no push')),
              h('td', null, link(undefined, 'never sent')),
              h('td', null, link(lineage.lonelyMirror, 'no copy')),
            )
          : lineage.hits.map((entry) =>
              h(
                'tr',
                { key: entry.hit.id },
                h('td', null, link(lineage.push, 'no push')),
                h(
                  'td',
                  null,
                  link(entry.hit),
                  entry.delayMs === undefined
                    ? null
                    : h('span', { class: 'note' }, ` ${formatDelay(entry.delayMs)}`),
                ),
                h(
                  'td',
                  null,
                  link(entry.mirror, 'no copy'),
                  entry.mirrorDelayMs === undefined
                    ? null
                    : h('span', { class: 'note' }, ` ${formatDelay(entry.mirrorDelayMs)}`),
                ),
              ),
            ),
      ),
    ),
    lineage.findings.length === 0
      ? h(
          'p',
          { class: 'note' },
          'Every record of this chain was found on the layers the session carries.',
        )
      : lineage.findings.map((finding, index) => h(FindingNote, { key: index, finding })),
  );
}

function FindingNote(props: { finding: LineageFinding }): ComponentChild {
  const { finding } = props;
  const automatic =
    finding.kind === 'hit-without-push' && finding.isAutomatic
      ? ' (an event the Google tag sends on its own)'
      : '';
  return h(
    'div',
    { class: `violation severity-${finding.severity}`, 'data-finding': finding.kind },
    h('span', { class: 'code' }, finding.kind),
    ' ',
    FINDING_TEXT[finding.kind] + automatic,
    finding.kind === 'mirror-differs' ? h(DiffTable, { finding }) : null,
  );
}

function DiffTable(props: {
  finding: Extract<LineageFinding, { kind: 'mirror-differs' }>;
}): ComponentChild {
  const show = (value: string | number | undefined) =>
    value === undefined
      ? h('span', { class: 'note' }, '(absent)')
      : typeof value === 'number'
        ? `${value} (number)`
        : `"${value}" (text)`;
  return h(
    'table',
    { class: 'diff' },
    h(
      'thead',
      null,
      h('tr', null, h('th', null, 'field'), h('th', null, 'GA4 hit'), h('th', null, 'mirror copy')),
    ),
    h(
      'tbody',
      null,
      props.finding.differences.map((difference) =>
        h(
          'tr',
          { key: difference.path },
          h('td', { class: 'value' }, difference.path),
          h('td', { class: 'value' }, show(difference.hit)),
          h('td', { class: 'value' }, show(difference.mirror)),
        ),
      ),
    ),
  );
}
