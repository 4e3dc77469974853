import { h, type ComponentChild } from 'preact';
import type { ThemeChoice } from '../../ui/theme.js';
import type { SessionAnalysis } from '../model/analyse-session.js';

export type PanelViewName = 'timeline' | 'lineage' | 'coverage' | 'consent' | 'plans';

const VIEWS: Array<[PanelViewName, string]> = [
  ['timeline', 'Timeline'],
  ['lineage', 'Lineage'],
  ['coverage', 'Coverage'],
  ['consent', 'Consent'],
  ['plans', 'Plans'],
];

export interface ToolbarProps {
  view: PanelViewName;
  analysis: SessionAnalysis | null;
  warnings: number;
  planLabel: string;
  theme: ThemeChoice;
  isLive: boolean;
  onView: (view: PanelViewName) => void;
  onExport: (format: 'ndjson' | 'csv' | 'har') => void;
  onImport: (file: File) => void;
  onClear: () => void;
  onTheme: () => void;
}

/** Views, the session's counts, the plan, export and import, clear, and the theme toggle. */
export function Toolbar(props: ToolbarProps): ComponentChild {
  const summary = props.analysis?.report.summary;
  return h(
    'header',
    { class: 'toolbar' },
    h('span', { class: 'brand' }, 'tagwarden'),
    h(
      'nav',
      { class: 'tabs', role: 'tablist', 'aria-label': 'Views' },
      VIEWS.map(([name, label]) =>
        h(
          'button',
          {
            key: name,
            role: 'tab',
            'aria-selected': props.view === name,
            'data-view': name,
            onClick: () => props.onView(name),
          },
          label,
        ),
      ),
    ),
    h(
      'span',
      { class: 'summary', 'aria-label': 'Session summary' },
      h('span', null, h('strong', null, String(summary?.events ?? 0)), ' events'),
      h(
        'span',
        { class: 'status-invalid' },
        h('strong', null, String(summary?.invalid ?? 0)),
        ' invalid',
      ),
      h(
        'span',
        { class: 'status-unplanned' },
        h('strong', null, String(summary?.unplanned ?? 0)),
        ' unplanned',
      ),
      h(
        'span',
        { class: 'status-warning' },
        h('strong', null, String(props.warnings)),
        ' warnings',
      ),
    ),
    h(
      'span',
      { class: 'note', title: 'The plan judging this session' },
      `plan: ${props.planLabel}`,
    ),
    h('span', { class: 'spacer' }),
    h(
      'button',
      {
        onClick: () => props.onExport('ndjson'),
        title: 'Pushes and hits as NDJSON: re-loadable here, and readable by tagwarden check',
      },
      'Export session',
    ),
    h(
      'button',
      { onClick: () => props.onExport('csv'), title: 'The rows shown, with verdicts, as CSV' },
      'CSV',
    ),
    h('button', { onClick: () => props.onExport('har'), title: 'The hits as a HAR file' }, 'HAR'),
    h(
      'label',
      { class: 'import' },
      h('span', { class: 'note' }, 'Import '),
      h('input', {
        type: 'file',
        accept: '.har,.ndjson,.jsonl,.json,.txt',
        'aria-label': 'Import a HAR or session file',
        onChange: (event: Event) => {
          const input = event.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file !== undefined) props.onImport(file);
          input.value = '';
        },
      }),
    ),
    props.isLive
      ? h('button', { onClick: props.onClear, title: "Empty this tab's session" }, 'Clear')
      : null,
    h(
      'button',
      {
        onClick: props.onTheme,
        'aria-label': `Theme: ${props.theme}`,
        title: 'Theme: system, light or dark',
      },
      `Theme: ${props.theme}`,
    ),
  );
}
