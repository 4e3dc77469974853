import { h, type ComponentChild } from 'preact';
import { appendPointer } from '../../../shared/plan/json-pointer.js';
import type { PathHighlights } from './highlight-paths.js';

export interface JsonViewProps {
  value: unknown;
  highlights?: PathHighlights;
  /** Key names the user asked to highlight, wherever they appear. */
  highlightKeys?: ReadonlySet<string>;
  label: string;
}

/** Past this many nodes the rest is summarised: a view, not a dump of a 64 KiB body. */
const MAX_NODES = 2_000;

/**
 * A JSON value as an indented tree of keys and values. Every value is rendered as text (a
 * page's `<img onerror>` string shows as those characters), marked nodes carry their JSON
 * Pointer in `data-path` and a highlight, and keys the user chose stand out.
 */
export function JsonView(props: JsonViewProps): ComponentChild {
  const budget = { left: MAX_NODES };
  return h(
    'div',
    { class: 'json-view', role: 'tree', 'aria-label': props.label },
    renderValue(props.value, '', props, budget),
  );
}

function renderValue(
  value: unknown,
  path: string,
  props: JsonViewProps,
  budget: { left: number },
): ComponentChild {
  if (value === null || typeof value !== 'object') return scalar(value);
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((entry, index) => [String(index), entry])
    : Object.entries(value as Record<string, unknown>);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return h('span', { class: 'json-punct' }, `${open}${close}`);

  const children: ComponentChild[] = [];
  for (const [key, child] of entries) {
    if (budget.left <= 0) {
      children.push(h('li', { class: 'json-more' }, `… ${entries.length - children.length} more`));
      break;
    }
    budget.left--;
    const childPath = appendPointer(path, key);
    const isMarked = props.highlights?.marked.has(childPath) === true;
    const isContaining = props.highlights?.containing.has(childPath) === true;
    const isChosenKey = props.highlightKeys?.has(key) === true;
    children.push(
      h(
        'li',
        {
          key,
          role: 'treeitem',
          class: `json-entry${isMarked ? ' json-marked' : ''}${isContaining ? ' json-containing' : ''}`,
          ...(isMarked ? { 'data-path': childPath } : {}),
        },
        h(
          'span',
          { class: `json-key${isChosenKey ? ' json-chosen-key' : ''}` },
          Array.isArray(value) ? `${key}` : JSON.stringify(key),
        ),
        h('span', { class: 'json-punct' }, ': '),
        renderValue(child, childPath, props, budget),
      ),
    );
  }
  return h(
    'span',
    { class: 'json-node' },
    h('span', { class: 'json-punct' }, open),
    h('ul', { class: 'json-children', role: 'group' }, children),
    h('span', { class: 'json-punct' }, close),
  );
}

function scalar(value: unknown): ComponentChild {
  if (typeof value === 'string') return h('span', { class: 'json-string' }, JSON.stringify(value));
  if (typeof value === 'number') return h('span', { class: 'json-number' }, String(value));
  if (typeof value === 'boolean') return h('span', { class: 'json-boolean' }, String(value));
  if (value === null) return h('span', { class: 'json-null' }, 'null');
  return h('span', { class: 'json-null' }, String(value));
}
