import { describe, expect, it } from 'vitest';
import type { WebRequest } from 'webextension-polyfill';
import type { CaptureService } from '../../extension/src/background/create-capture-service.js';
import { registerNetworkListeners } from '../../extension/src/background/register-network-listeners.js';

type Listener = (details: Record<string, unknown>) => void;

/** A `webRequest` whose three events keep their listener, so a test can fire them. */
function fakeWebRequest() {
  const listeners: Record<string, Listener> = {};
  const event = (name: string) => ({
    addListener: (listener: Listener) => {
      listeners[name] = listener;
    },
  });
  const webRequest = {
    onBeforeRequest: event('start'),
    onCompleted: event('completed'),
    onErrorOccurred: event('error'),
  } as unknown as WebRequest.Static;
  return {
    webRequest,
    fire: (name: string, details: Record<string, unknown>) => listeners[name]!(details),
  };
}

/** A capture service that keeps which tab each start and outcome went to. */
function recordingCapture() {
  const calls: Array<{ call: string; tabId: number; requestId: string }> = [];
  const capture = {
    onRequestStart: async (tabId: number, start: { requestId: string }) => {
      calls.push({ call: 'start', tabId, requestId: start.requestId });
    },
    onRequestOutcome: async (tabId: number, requestId: string) => {
      calls.push({ call: 'outcome', tabId, requestId });
    },
  } as unknown as CaptureService;
  return { capture, calls };
}

const HIT = 'https://shop.example/g/collect?v=2&tid=G-STANDIN1&cid=1.2&en=page_view';
const SCRIPT = 'https://shop.example/app.js';

function started(requestId: string, tabId: number, url = HIT) {
  return { requestId, tabId, url, type: 'ping', method: 'POST', timeStamp: 1, frameId: 0 };
}

function completed(requestId: string, tabId: number, url = HIT, statusCode = 204) {
  return { requestId, tabId, url, statusCode, fromCache: false, timeStamp: 2 };
}

/** The listeners registered on a fake `webRequest`, and what they told the capture service. */
function listening() {
  const { webRequest, fire } = fakeWebRequest();
  const { capture, calls } = recordingCapture();
  registerNetworkListeners(webRequest, capture);
  return { fire, calls };
}

describe('the network listeners', () => {
  it('give a hit’s outcome to the tab it started in, even when the browser reports no tab at the end', () => {
    const { fire, calls } = listening();

    fire('start', started('keepalive-1', 7));
    fire('completed', completed('keepalive-1', -1));
    fire('start', started('blocked-1', 8));
    fire('error', {
      requestId: 'blocked-1',
      tabId: -1,
      url: HIT,
      error: 'net::ERR_BLOCKED_BY_CLIENT',
      timeStamp: 3,
    });

    expect(calls).toEqual([
      { call: 'start', tabId: 7, requestId: 'keepalive-1' },
      { call: 'outcome', tabId: 7, requestId: 'keepalive-1' },
      { call: 'start', tabId: 8, requestId: 'blocked-1' },
      { call: 'outcome', tabId: 8, requestId: 'blocked-1' },
    ]);
  });

  it('still reports a hit whose start it did not see (a restarted worker), and nothing that is no hit or has no tab', () => {
    const { fire, calls } = listening();

    fire('completed', completed('unseen-hit', 4));
    fire('completed', completed('unseen-tabless', -1));
    fire('start', started('script-1', 4, SCRIPT));
    fire('completed', completed('script-1', 4, SCRIPT, 200));
    fire('start', started('tabless-start', -1));

    expect(calls).toEqual([{ call: 'outcome', tabId: 4, requestId: 'unseen-hit' }]);
  });

  it('reports each outcome once', () => {
    const { fire, calls } = listening();

    fire('start', started('twice', 5));
    fire('completed', completed('twice', -1));
    fire('completed', completed('twice', -1));

    expect(calls.filter((call) => call.call === 'outcome')).toEqual([
      { call: 'outcome', tabId: 5, requestId: 'twice' },
    ]);
  });
});
