import { h, type ComponentChild } from 'preact';
import { formatTime } from '../../ui/format-time.js';
import { LayerBadge } from '../../ui/layer-badge.js';
import type { ConsentTimeline } from '../model/build-consent-timeline.js';
import { CONSENT_SIGNALS } from '../model/timeline-row.js';

/**
 * The consent timeline: every gtag consent command with the state it left, each change in
 * the state GA4 hits declare (gcs/gcd), and the hits sent while analytics_storage was denied.
 */
export function ConsentView(props: {
  timeline: ConsentTimeline;
  onSelect: (id: string) => void;
}): ComponentChild {
  const { changes, sentWhileDenied } = props.timeline;
  return h(
    'div',
    { class: 'view consent-view' },
    h('h2', null, 'Consent timeline'),
    changes.length === 0
      ? h('p', { class: 'note' }, 'No consent command and no GA4 hit declaring consent yet.')
      : h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'time'),
              h('th', null, 'where'),
              h('th', null, 'what'),
              CONSENT_SIGNALS.map((name) => h('th', { key: name }, name)),
            ),
          ),
          h(
            'tbody',
            null,
            changes.map((change) =>
              h(
                'tr',
                {
                  key: `${change.rowId}-${change.label}`,
                  onClick: () => props.onSelect(change.rowId),
                  style: { cursor: 'pointer' },
                },
                h('td', { class: 'mono' }, formatTime(change.time)),
                h(
                  'td',
                  null,
                  h(LayerBadge, { layer: change.source === 'hit' ? 'ga4' : 'datalayer' }),
                ),
                h('td', null, change.label),
                CONSENT_SIGNALS.map((name) => {
                  const state = change.consent.signals[name];
                  return h(
                    'td',
                    { key: name },
                    state === undefined ? '' : h('span', { class: `pill ${state}` }, state),
                  );
                }),
              ),
            ),
          ),
        ),
    h('h3', null, `Hits sent while analytics_storage was denied (${sentWhileDenied.length})`),
    sentWhileDenied.length === 0
      ? h('p', { class: 'note' }, 'None.')
      : h(
          'ul',
          null,
          sentWhileDenied.map((row) =>
            h(
              'li',
              { key: row.id },
              h(
                'button',
                { onClick: () => props.onSelect(row.id) },
                `${formatTime(row.time)} ${row.label}`,
              ),
              ' ',
              h(
                'span',
                { class: 'note' },
                row.consent?.source === 'hit' ? 'declared by the hit' : 'from the dataLayer state',
              ),
            ),
          ),
        ),
  );
}
