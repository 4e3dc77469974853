import { h, type ComponentChild, type Ref } from 'preact';
import { LAYER_LABELS } from '../../ui/layer-badge.js';
import { STATUS_LABELS } from '../../ui/status-icon.js';
import type { RowFilter } from '../model/filter-rows.js';
import type { RowLayer, RowStatus } from '../model/timeline-row.js';

const LAYERS: RowLayer[] = ['datalayer', 'ga4', 'sgtm', 'mirror', 'vendor', 'other'];
const STATUSES: RowStatus[] = ['invalid', 'unplanned', 'warning', 'valid', 'none'];

export interface FilterBarProps {
  filter: RowFilter;
  choices: { vendors: string[]; measurementIds: string[] };
  highlightKeys: string;
  shown: number;
  total: number;
  searchRef: Ref<HTMLInputElement>;
  onFilter: (filter: RowFilter) => void;
  onHighlightKeys: (text: string) => void;
}

/** Search (`/` focuses it), lane and status chips, vendor and measurement ID, PII, highlights. */
export function FilterBar(props: FilterBarProps): ComponentChild {
  const { filter } = props;
  const set = (change: Partial<RowFilter>) => props.onFilter({ ...filter, ...change });
  const toggle = <Value>(list: readonly Value[], value: Value): Value[] =>
    list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
  return h(
    'div',
    { class: 'filter-bar', role: 'search' },
    h('input', {
      ref: props.searchRef,
      type: 'search',
      placeholder: 'Search (press /)',
      'aria-label': 'Search rows',
      value: filter.text,
      onInput: (event: Event) => set({ text: (event.currentTarget as HTMLInputElement).value }),
    }),
    h(
      'span',
      { class: 'chips', role: 'group', 'aria-label': 'Layers' },
      LAYERS.map((layer) =>
        h(
          'button',
          {
            key: layer,
            'aria-pressed': filter.layers.includes(layer),
            onClick: () => set({ layers: toggle(filter.layers, layer) }),
          },
          LAYER_LABELS[layer],
        ),
      ),
    ),
    h(
      'span',
      { class: 'chips', role: 'group', 'aria-label': 'Status' },
      STATUSES.map((status) =>
        h(
          'button',
          {
            key: status,
            'aria-pressed': filter.statuses.includes(status),
            onClick: () => set({ statuses: toggle(filter.statuses, status) }),
          },
          STATUS_LABELS[status],
        ),
      ),
    ),
    h(
      'select',
      {
        'aria-label': 'Vendor',
        value: filter.vendor,
        onChange: (event: Event) =>
          set({ vendor: (event.currentTarget as HTMLSelectElement).value }),
      },
      h('option', { value: '' }, 'any vendor'),
      props.choices.vendors.map((vendor) => h('option', { key: vendor, value: vendor }, vendor)),
    ),
    h(
      'select',
      {
        'aria-label': 'Measurement ID',
        value: filter.measurementId,
        onChange: (event: Event) =>
          set({ measurementId: (event.currentTarget as HTMLSelectElement).value }),
      },
      h('option', { value: '' }, 'any ID'),
      props.choices.measurementIds.map((id) => h('option', { key: id, value: id }, id)),
    ),
    h(
      'label',
      null,
      h('input', {
        type: 'checkbox',
        checked: filter.isPiiOnly,
        onChange: (event: Event) =>
          set({ isPiiOnly: (event.currentTarget as HTMLInputElement).checked }),
      }),
      ' PII only',
    ),
    h('input', {
      type: 'text',
      placeholder: 'Highlight keys: value, currency',
      'aria-label': 'Keys to highlight',
      value: props.highlightKeys,
      onInput: (event: Event) =>
        props.onHighlightKeys((event.currentTarget as HTMLInputElement).value),
    }),
    h('span', { class: 'note', role: 'status' }, `${props.shown} of ${props.total} rows`),
  );
}
