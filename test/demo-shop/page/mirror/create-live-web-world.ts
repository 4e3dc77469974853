import type { WebWorld } from '../../../../gtm-template/sandbox/contract.js';
import { LiveLocalStorage } from './live-local-storage.js';
import type { MirrorEvent } from './mirror-host.js';

// GTM's templateStorage lives as long as the page and is shared by every run on it.
const templateStorage = new Map<string, unknown>();

/**
 * A WebWorld bound to the real page: the window itself, cookies read from `document.cookie`
 * each time an API asks, the live URL, referrer, title and localStorage; the data model and
 * consent as they were when the event fired, since GTM's tags read the model of their event.
 */
export function createLiveWebWorld(event: MirrorEvent, containerId: string): WebWorld {
  return {
    window: window as unknown as Record<string, unknown>,
    dataLayerModel: event.model,
    get cookies() {
      return readDocumentCookies();
    },
    get url() {
      return location.href;
    },
    get referrer() {
      return document.referrer;
    },
    get title() {
      return document.title;
    },
    characterSet: document.characterSet,
    consent: { ...event.consent },
    localStorage: new LiveLocalStorage(),
    templateStorage,
    containerVersion: {
      containerId,
      debugMode: false,
      environmentMode: false,
      environmentName: '',
      previewMode: false,
      version: '42',
    },
  };
}

function readDocumentCookies(): Array<{ name: string; value: string }> {
  return document.cookie
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => {
      const equalsAt = part.indexOf('=');
      return { name: part.slice(0, equalsAt), value: part.slice(equalsAt + 1) };
    });
}
