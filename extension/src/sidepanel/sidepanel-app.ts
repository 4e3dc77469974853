import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PanelApp } from '../panel/app/panel-app.js';

/**
 * The side panel (Chrome) or sidebar (Firefox): the same panel, without DevTools, following
 * the active tab of its window as the user switches tabs.
 */
export function SidePanelApp(): ComponentChild {
  const pinned = pinnedTabId();
  const [tabId, setTabId] = useState<number | null>(pinned);
  useEffect(() => {
    if (pinned !== null) return undefined;
    let windowId: number | undefined;
    // Opened in a tab rather than the side panel, the page must not follow itself.
    let ownTabId: number | undefined;
    const follow = (tab: { id?: number; windowId?: number } | undefined) => {
      if (tab?.id === undefined || tab.id === ownTabId) return;
      windowId ??= tab.windowId;
      setTabId(tab.id);
    };
    void browser.tabs.getCurrent().then(async (own) => {
      ownTabId = own?.id;
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      follow(active);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId)
        follow({ id: info.tabId, windowId: info.windowId });
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return h(PanelApp, { tabId });
}

/** `?tabId=` shows one tab whichever is active (the popup's links, end-to-end tests). */
export function pinnedTabId(): number | null {
  const tabId = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isInteger(tabId) && tabId > 0 ? tabId : null;
}
