import { h, type ComponentChild } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { readFileText } from '../../ui/browser-helpers.js';
import { buildConsentTimeline } from '../model/build-consent-timeline.js';
import { buildCoverage } from '../model/build-coverage.js';
import { EMPTY_FILTER, filterChoices, filterRows, type RowFilter } from '../model/filter-rows.js';
import { lineageOfRow } from '../model/lineage-of-row.js';
import { ConsentView } from '../views/consent-view.js';
import { CoverageView } from '../views/coverage-view.js';
import { DetailView } from '../views/detail-view.js';
import { FilterBar } from '../views/filter-bar.js';
import { ImportedBanner } from '../views/imported-banner.js';
import { LineageView } from '../views/lineage-view.js';
import { PlansView } from '../views/plans-view.js';
import { TimelineView } from '../views/timeline-view.js';
import { Toolbar, type PanelViewName } from '../views/toolbar.js';
import { exportSession } from './export-session.js';
import { usePanelData, type PanelData } from './use-panel-data.js';
import { usePreparedSearch } from './use-prepared-search.js';
import { useIsNarrow, useTheme } from './use-theme.js';

export interface PanelAppProps {
  /** The tab whose session is shown; null until it is known. */
  tabId: number | null;
}

/** The choice of row, and whether its detail is open. */
interface Selection {
  selectedId: string | null;
  select(id: string, isOpen?: boolean): void;
  show(id: string): void;
  close(): void;
}

/**
 * The QA panel, the same in DevTools, in the side panel and in a tab: the session (live or
 * imported) judged by the site's plan through `checkCaptures`, shown as a timeline, lineage,
 * coverage, a consent timeline and the plan itself, with a detail pane for the chosen row.
 */
export function PanelApp(props: PanelAppProps): ComponentChild {
  const data = usePanelData(props.tabId);
  const [theme, toggleTheme] = useTheme();
  const isNarrow = useIsNarrow();
  const [view, setView] = useState<PanelViewName>('timeline');
  const [filter, setFilter] = useState<RowFilter>(EMPTY_FILTER);
  const [highlightText, setHighlightText] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [isDetailOpen, setDetailOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => filterRows(data.rows, filter), [data.analysis, filter]);
  const choices = useMemo(() => filterChoices(data.rows), [data.analysis]);
  usePreparedSearch(data.analysis?.rows);
  useSlashFocusesSearch(searchRef, () => setView('timeline'));

  const selection: Selection = {
    selectedId,
    select: (id, isOpen = isDetailOpen) => {
      setSelectedId(id);
      setDetailOpen(isOpen);
    },
    show: (id) => {
      selection.select(id, true);
      if (view !== 'lineage') setView('timeline');
    },
    close: () => setDetailOpen(false),
  };
  const { source, session } = data;

  return h(
    'div',
    { class: `app${isNarrow ? ' narrow' : ''}` },
    h(Toolbar, {
      view,
      analysis: data.analysis,
      warnings: data.rows.filter((row) => row.status === 'warning').length,
      planLabel: data.sitePlan.choice.label,
      theme,
      isLive: source.imported === null && props.tabId !== null,
      onView: setView,
      onExport: (format) =>
        session !== null &&
        exportSession(format, session, format === 'csv' ? shown : data.rows, new Date()),
      onImport: (file) =>
        void readFileText(file).then((text) => source.importText(file.name, text)),
      onClear: () =>
        props.tabId !== null &&
        void browser.runtime.sendMessage({ type: 'clear', tabId: props.tabId }),
      onTheme: toggleTheme,
    }),
    source.imported === null
      ? null
      : h(ImportedBanner, {
          imported: source.imported,
          planLabel: data.sitePlan.choice.label,
          onBack: source.backToLive,
        }),
    view === 'timeline'
      ? h(FilterBar, {
          filter,
          choices,
          highlightKeys: highlightText,
          shown: shown.length,
          total: data.rows.length,
          searchRef,
          onFilter: setFilter,
          onHighlightKeys: setHighlightText,
        })
      : null,
    h(
      'main',
      { class: `main${isNarrow ? ' narrow' : ''}` },
      viewContent(view, data, shown, selection),
      isDetailOpen && (view === 'timeline' || view === 'lineage')
        ? detailPane(data, selection, highlightText)
        : null,
    ),
  );
}

function viewContent(
  view: PanelViewName,
  data: PanelData,
  shown: PanelData['rows'],
  selection: Selection,
): ComponentChild {
  const { rows, plan, sitePlan, lineage } = data;
  switch (view) {
    case 'timeline':
      return h(
        'div',
        { class: 'pane list' },
        h(TimelineView, {
          rows: shown,
          navigations: data.session?.navigations ?? [],
          selectedId: selection.selectedId,
          findingsByRow: lineage.findingsByRow,
          onSelect: (id) => selection.select(id),
          onOpen: (id) => selection.select(id, true),
          onClose: selection.close,
        }),
      );
    case 'lineage':
      return h(LineageView, {
        lineage,
        selectedId: selection.selectedId,
        onSelect: (id) => selection.select(id, true),
      });
    case 'coverage':
      return h(CoverageView, {
        table: buildCoverage(rows, plan, sitePlan.coverage),
        config: sitePlan.coverage,
        onConfig: sitePlan.saveCoverage,
      });
    case 'consent':
      return h(ConsentView, { timeline: buildConsentTimeline(rows), onSelect: selection.show });
    case 'plans':
      return h(PlansView, {
        site: data.site,
        choice: sitePlan.choice,
        stored: sitePlan.stored,
        attempt: sitePlan.attempt,
        onLoad: sitePlan.load,
        onLoadUrl: (url) => void sitePlan.loadUrl(url),
        onUseBundled: sitePlan.chooseBundled,
      });
  }
}

function detailPane(data: PanelData, selection: Selection, highlightText: string): ComponentChild {
  const row = selection.selectedId === null ? undefined : data.rowsById.get(selection.selectedId);
  if (row === undefined) return null;
  const highlightKeys = new Set(highlightText.split(/[,\s]+/).filter((key) => key !== ''));
  return h(
    'div',
    { class: 'pane detail' },
    h(DetailView, {
      row,
      plan: data.plan,
      lineage: lineageOfRow(data.lineage, data.rowsById, row.id),
      highlightKeys,
      onSelect: selection.show,
      onClose: selection.close,
    }),
  );
}

/** `/` anywhere but in a text field focuses the search box, as in most log viewers. */
function useSlashFocusesSearch(
  searchRef: { current: HTMLInputElement | null },
  beforeFocus: () => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const isTyping = target?.closest('input, textarea, select, [contenteditable="true"]') != null;
      if (event.key !== '/' || isTyping || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      beforeFocus();
      setTimeout(() => searchRef.current?.focus(), 0);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
