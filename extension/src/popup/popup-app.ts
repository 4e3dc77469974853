import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { useTheme } from '../panel/app/use-theme.js';
import { pinnedTabId } from '../sidepanel/sidepanel-app.js';
import { StatusIcon } from '../ui/status-icon.js';
import { readTabStatus, type TabStatus } from './read-tab-status.js';

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/**
 * The toolbar popup: one glance at the active tab (pushes, hits, verdicts by the site's
 * plan, lineage problems) and the way into the side panel or a full panel tab.
 */
export function PopupApp(): ComponentChild {
  const [tabId, setTabId] = useState<number | null>(pinnedTabId());
  const [status, setStatus] = useState<TabStatus | null | 'loading'>('loading');
  useTheme();
  useEffect(() => {
    if (tabId !== null) return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setTabId(tab?.id ?? null));
  }, []);
  useEffect(() => {
    if (tabId === null) return;
    void readTabStatus(tabId).then(setStatus, () => setStatus(null));
  }, [tabId]);

  return h(
    'div',
    { class: 'popup' },
    h('h2', null, 'tagwarden'),
    status === 'loading'
      ? h('p', { class: 'note' }, 'Reading this tab…')
      : status === null
        ? h(
            'p',
            null,
            'Nothing captured in this tab yet. Reload the page to capture it from the first byte.',
          )
        : h(StatusSummary, { status }),
    h(
      'div',
      { class: 'actions' },
      h('button', { onClick: () => void openSidePanel(tabId) }, 'Open side panel'),
      h(
        'button',
        {
          disabled: tabId === null,
          onClick: () =>
            void browser.tabs.create({
              url: browser.runtime.getURL(`src/panel/panel.html?tabId=${tabId}`),
            }),
        },
        'Open panel in a tab',
      ),
    ),
  );
}

function StatusSummary(props: { status: TabStatus }): ComponentChild {
  const { status } = props;
  return h(
    'div',
    null,
    h('p', { class: 'note', style: { wordBreak: 'break-all' } }, status.url),
    h('p', null, `${status.pushes} pushes · ${status.hits} hits · plan ${status.planLabel}`),
    h(
      'div',
      { class: 'counts', 'aria-label': 'Verdicts' },
      h(
        'span',
        null,
        h(StatusIcon, { status: 'invalid' }),
        h('span', { class: 'big' }, ` ${status.invalid}`),
        ' invalid',
      ),
      h(
        'span',
        null,
        h(StatusIcon, { status: 'unplanned' }),
        h('span', { class: 'big' }, ` ${status.unplanned}`),
        ' unplanned',
      ),
      h(
        'span',
        null,
        h(StatusIcon, { status: 'warning' }),
        h('span', { class: 'big' }, ` ${status.warnings}`),
        ' warnings',
      ),
      h(
        'span',
        null,
        h(StatusIcon, { status: 'valid' }),
        h('span', { class: 'big' }, ` ${status.valid}`),
        ' valid',
      ),
    ),
    h(
      'p',
      { class: 'note' },
      `${status.lineageProblems} lineage problems · ${status.missing} planned events not seen yet`,
    ),
  );
}

async function openSidePanel(tabId: number | null): Promise<void> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  if (sidePanel !== undefined && tabId !== null) await sidePanel.open({ tabId });
  else
    await (
      browser as unknown as { sidebarAction?: { open(): Promise<void> } }
    ).sidebarAction?.open();
  window.close();
}
