import { h, type ComponentChild } from 'preact';
import type { LabelledField } from '../model/ga4-field-sections.js';

/** Labelled fields as a two-column table; keys the user chose to highlight stand out. */
export function FieldTable(props: {
  fields: readonly LabelledField[];
  highlightKeys: ReadonlySet<string>;
}): ComponentChild {
  return h(
    'table',
    { class: 'fields' },
    h(
      'tbody',
      null,
      props.fields.map((field) => {
        const isChosen = props.highlightKeys.has(field.label) || props.highlightKeys.has(field.key);
        return h(
          'tr',
          { key: field.key },
          h(
            'th',
            { class: isChosen ? 'json-chosen-key' : '' },
            field.label,
            field.label === field.key ? null : h('span', { class: 'note' }, ` ${field.key}`),
          ),
          h('td', { class: 'value' }, field.value),
        );
      }),
    ),
  );
}

/** Items (GA4 `pr1…` or an ecommerce `items` array) as a table, one column per key seen. */
export function ItemsTable(props: {
  items: ReadonlyArray<Record<string, unknown>>;
}): ComponentChild {
  const columns: string[] = [];
  for (const item of props.items) {
    for (const key of Object.keys(item)) if (!columns.includes(key)) columns.push(key);
  }
  columns.sort((left, right) => rank(left) - rank(right));
  return h(
    'div',
    { style: { overflowX: 'auto' } },
    h(
      'table',
      { class: 'items' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, '#'),
          columns.map((column) => h('th', { key: column }, column)),
        ),
      ),
      h(
        'tbody',
        null,
        props.items.map((item, index) =>
          h(
            'tr',
            { key: index },
            h('td', null, String(index + 1)),
            columns.map((column) =>
              h('td', { key: column, class: 'value' }, cellText(item[column])),
            ),
          ),
        ),
      ),
    ),
  );
}

const FIRST_COLUMNS = ['item_id', 'item_name', 'price', 'quantity'];

function rank(column: string): number {
  const index = FIRST_COLUMNS.indexOf(column);
  return index === -1 ? FIRST_COLUMNS.length : index;
}

function cellText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
