import browser from 'webextension-polyfill';
import { mountPage } from '../ui/mount-page.js';
import { PanelApp } from './app/panel-app.js';

/**
 * The panel page. Inside DevTools it shows the inspected tab; opened as a page (from the
 * popup, or by tests) it shows the tab named by `?tabId=`.
 */
function inspectedTabId(): number | null {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  try {
    const tabId = browser.devtools?.inspectedWindow?.tabId;
    return typeof tabId === 'number' ? tabId : null;
  } catch {
    return null;
  }
}

mountPage(PanelApp, { tabId: inspectedTabId() });
