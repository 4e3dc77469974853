import { h, type ComponentChild } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TrackingPlan } from '../../../../shared/plan/plan-types.js';
import { compileLayerMapping } from '../../../../shared/validate/apply-layer-mapping.js';
import { copyText } from '../../ui/browser-helpers.js';
import { formatTime } from '../../ui/format-time.js';
import { highlightPaths } from '../../ui/highlight-paths.js';
import { JsonView } from '../../ui/json-view.js';
import { LayerBadge } from '../../ui/layer-badge.js';
import { StatusIcon, STATUS_LABELS } from '../../ui/status-icon.js';
import { requestToCurl } from '../export/request-to-curl.js';
import { rowToJson } from '../export/row-to-json.js';
import { ga4FieldSections } from '../model/ga4-field-sections.js';
import type { RowLineage } from '../model/lineage-of-row.js';
import type { TimelineRow } from '../model/timeline-row.js';
import {
  ConsentSummaryTable,
  DataLayerConsentTable,
  HitConsentTable,
  PiiList,
  RawPush,
  RawRequest,
  ViolationList,
} from './detail-sections.js';
import { FieldTable, ItemsTable } from './field-table.js';
import { LineageSection } from './lineage-section.js';

export interface DetailViewProps {
  row: TimelineRow;
  plan: TrackingPlan;
  lineage: RowLineage;
  highlightKeys: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onClose: () => void;
}

/**
 * Everything about one row: its verdicts with their paths, the chain it belongs to, decoded
 * fields with labels, items as a table, consent, the properties the plan checked with the
 * violating paths marked, and the raw push or request, copyable as JSON or cURL.
 */
export function DetailView(props: DetailViewProps): ComponentChild {
  const { row } = props;
  const container = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState('');
  const violations = row.verdicts.flatMap((verdict) => verdict.violations);
  const highlights = useMemo(
    () => highlightPaths(violations.map((violation) => violation.path)),
    [row],
  );
  const checked = useMemo(() => checkedProperties(row, props.plan), [row, props.plan]);

  useEffect(() => container.current?.focus(), [row.id]);
  const showPath = (path: string) => {
    const target = container.current?.querySelector(`[data-path="${CSS.escape(path)}"]`);
    target?.scrollIntoView({ block: 'center' });
  };
  const copy = async (what: string, text: string) =>
    setCopied((await copyText(text)) ? `${what} copied` : 'the browser refused the clipboard');
  const hit = row.source.kind === 'push' ? undefined : row.source.hit;

  return h(
    'section',
    { class: 'detail-view', ref: container, tabIndex: -1, 'aria-label': `Detail of ${row.label}` },
    h(
      'h2',
      null,
      h(StatusIcon, { status: row.status }),
      h(LayerBadge, { layer: row.layer }),
      h('span', { class: 'detail-name' }, row.label),
      h('span', { class: 'note' }, `${STATUS_LABELS[row.status]} · ${formatTime(row.time)}`),
    ),
    h('p', { class: 'note' }, row.pageUrl),
    h(
      'div',
      { class: 'actions' },
      h('button', { onClick: () => void copy('JSON', rowToJson(row)) }, 'Copy as JSON'),
      hit === undefined
        ? null
        : h(
            'button',
            {
              onClick: () =>
                void copy(
                  'cURL',
                  requestToCurl({
                    url: hit.url,
                    method: hit.method,
                    ...(bodyOf(row) === undefined ? {} : { body: bodyOf(row) as string }),
                  }),
                ),
            },
            'Copy as cURL',
          ),
      h('button', { onClick: props.onClose, title: 'Escape' }, 'Close'),
      copied === '' ? null : h('span', { class: 'note', role: 'status' }, copied),
    ),
    h('h3', null, 'Verdict'),
    h(ViolationList, { violations, onShowPath: showPath }),
    row.pii.length === 0
      ? null
      : [
          h('h3', { key: 'pii-title' }, 'Personal data suspected'),
          h(PiiList, { key: 'pii', findings: row.pii }),
        ],
    props.lineage.push === undefined &&
      props.lineage.hits.length === 0 &&
      props.lineage.lonelyMirror === undefined
      ? null
      : [
          h('h3', { key: 'lineage-title' }, 'Lineage'),
          h(LineageSection, { key: 'lineage', lineage: props.lineage, onSelect: props.onSelect }),
        ],
    ...decodedSections(row, props.highlightKeys),
    checked === undefined
      ? null
      : [
          h('h3', { key: 'checked-title' }, 'Properties the plan checked'),
          h(JsonView, {
            key: 'checked',
            value: checked,
            highlights,
            highlightKeys: props.highlightKeys,
            label: 'Checked properties',
          }),
        ],
    h('h3', null, row.source.kind === 'push' ? 'Raw push' : 'Raw request'),
    row.source.kind === 'push'
      ? h(RawPush, { push: row.source.push, highlightKeys: props.highlightKeys })
      : h(RawRequest, { hit: row.source.hit }),
  );
}

function decodedSections(row: TimelineRow, highlightKeys: ReadonlySet<string>): ComponentChild[] {
  const { source } = row;
  if (source.kind === 'ga4') {
    const { event } = source;
    return [
      ...ga4FieldSections(event).flatMap((section) => [
        h('h3', { key: `${section.title}-title` }, section.title),
        h(FieldTable, { key: section.title, fields: section.fields, highlightKeys }),
      ]),
      ...(event.items.length === 0
        ? []
        : [
            h('h3', { key: 'items-title' }, `Items (${event.items.length})`),
            h(ItemsTable, { key: 'items', items: event.items }),
          ]),
      h('h3', { key: 'consent-title' }, 'Consent'),
      h(HitConsentTable, { key: 'consent', consent: event.consent }),
      ...(event.warnings.length === 0
        ? []
        : [
            h('h3', { key: 'warnings-title' }, 'Decoding warnings'),
            h(
              'ul',
              { key: 'warnings' },
              event.warnings.map((warning, index) =>
                h('li', { key: index }, h('code', null, warning.code), ' ', warning.message),
              ),
            ),
          ]),
    ];
  }
  if (source.kind === 'vendor') {
    const fields = Object.entries(source.beacon.params).map(([key, value]) => ({
      label: key,
      key,
      value: String(value),
    }));
    return [
      h('h3', { key: 'vendor-title' }, `${row.vendor} parameters`),
      h(FieldTable, { key: 'vendor', fields, highlightKeys }),
    ];
  }
  if (source.kind === 'other')
    return [
      h(
        'p',
        { key: 'other', class: 'note' },
        `This request is ${source.description} by tagwarden's decoders.`,
      ),
    ];
  const last = source.steps[source.steps.length - 1];
  const items = itemsOf(source.input?.properties);
  return [
    h('h3', { key: 'steps-title' }, 'How GTM processed it'),
    h(
      'ul',
      { key: 'steps' },
      source.steps.map((step) =>
        h(
          'li',
          { key: step.index },
          `${step.kind}${step.event === null ? '' : ` · event ${step.event}`}${step.gtag ? ` · gtag ${step.gtag.command}` : ''}`,
          step.warnings.map((warning, index) =>
            h(
              'div',
              { key: index, class: `violation severity-${warning.severity}` },
              h('code', null, warning.code),
              ' ',
              warning.message,
            ),
          ),
        ),
      ),
    ),
    ...(items.length === 0
      ? []
      : [
          h('h3', { key: 'items-title' }, `Items (${items.length})`),
          h(ItemsTable, { key: 'items', items }),
        ]),
    h('h3', { key: 'consent-title' }, 'Consent (dataLayer)'),
    last !== undefined && Object.keys(last.consent.signals).length > 0
      ? h(DataLayerConsentTable, { key: 'consent', consent: last.consent })
      : h(ConsentSummaryTable, { key: 'consent', consent: row.consent }),
  ];
}

function checkedProperties(
  row: TimelineRow,
  plan: TrackingPlan,
): Record<string, unknown> | undefined {
  const { source } = row;
  const input = source.kind === 'ga4' || source.kind === 'push' ? source.input : undefined;
  if (input === undefined) return undefined;
  return compileLayerMapping(plan.layers[input.layer])(input.properties);
}

function itemsOf(properties: Record<string, unknown> | undefined): Array<Record<string, unknown>> {
  const ecommerce = properties?.['ecommerce'];
  const items =
    properties?.['items'] ??
    (ecommerce !== null && typeof ecommerce === 'object'
      ? (ecommerce as Record<string, unknown>)['items']
      : undefined);
  return Array.isArray(items)
    ? items.filter(
        (item): item is Record<string, unknown> =>
          item !== null && typeof item === 'object' && !Array.isArray(item),
      )
    : [];
}

function bodyOf(row: TimelineRow): string | undefined {
  return row.source.kind === 'push'
    ? undefined
    : (row.source.hit.page?.body ?? row.source.hit.network?.body);
}
