import { h, type ComponentChild, type ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { scrollToShow, visibleRange } from './visible-range.js';

export interface VirtualListProps<Item> {
  items: readonly Item[];
  rowHeight: number;
  renderRow: (item: Item, index: number) => ComponentChild;
  keyOf: (item: Item, index: number) => string | number;
  /** Index kept in view when it changes (the keyboard selection). */
  activeIndex?: number;
  /** Accessible name of the list. */
  label: string;
  /** The element id of the active row, for `aria-activedescendant`. */
  activeId?: string;
  onKeyDown?: (event: KeyboardEvent) => void;
  className?: string;
  empty?: ComponentChildren;
}

/**
 * A list that renders only the rows in view (plus a few either side), so a session of 50,000
 * rows scrolls like one of fifty: a spacer as tall as every row keeps the scrollbar honest,
 * and the visible rows are placed absolutely inside it. Rows must all be `rowHeight` high.
 */
export function VirtualList<Item>(props: VirtualListProps<Item>): ComponentChild {
  const container = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);

  useLayoutEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    setViewportHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = container.current;
    if (element === null || props.activeIndex === undefined || props.activeIndex < 0) return;
    const next = scrollToShow(
      props.activeIndex,
      element.scrollTop,
      element.clientHeight,
      props.rowHeight,
    );
    if (next !== element.scrollTop) element.scrollTop = next;
  }, [props.activeIndex, props.rowHeight]);

  const { start, end } = visibleRange(
    scrollTop,
    viewportHeight,
    props.rowHeight,
    props.items.length,
  );
  const rows: ComponentChild[] = [];
  for (let index = start; index < end; index++) {
    const item = props.items[index] as Item;
    rows.push(
      h(
        'div',
        {
          key: props.keyOf(item, index),
          class: 'vl-slot',
          style: { top: `${index * props.rowHeight}px`, height: `${props.rowHeight}px` },
        },
        props.renderRow(item, index),
      ),
    );
  }

  return h(
    'div',
    {
      ref: container,
      class: `virtual-list ${props.className ?? ''}`,
      role: 'listbox',
      tabIndex: 0,
      'aria-label': props.label,
      'aria-activedescendant': props.activeId,
      onScroll: (event: Event) => setScrollTop((event.currentTarget as HTMLElement).scrollTop),
      onKeyDown: props.onKeyDown,
    },
    props.items.length === 0 && props.empty !== undefined
      ? h('div', { class: 'vl-empty' }, props.empty)
      : h(
          'div',
          { class: 'vl-spacer', style: { height: `${props.items.length * props.rowHeight}px` } },
          rows,
        ),
  );
}
