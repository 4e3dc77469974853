import type { Browser } from 'puppeteer-core';
import type { TabSession } from '../../../extension/src/common/session-types.js';
import type { Journey } from '../../../test/demo-shop/journey/journey-types.js';
import { runJourney } from '../../../test/demo-shop/journey/run-journey.js';
import { readExtensionSessions } from './read-extension-sessions.js';
import { sessionLayers, type SessionLayers } from './session-layers.js';

const SETTLE_MS = 30_000;

/**
 * Walks the journey in a new tab and reads that tab's session back from the extension, once
 * every GA4 event the journey expects has been captured, every event sent with consent has
 * its mirror copy, and `isMirrorStored` agrees the collector took those copies. What has not
 * settled after 30 s is named in `notices`, and the walk goes on with what arrived.
 */
export async function walkWithExtension(
  browser: Browser,
  extensionId: string,
  journey: Journey,
  shopUrl: string,
  isMirrorStored: (count: number) => boolean,
): Promise<{ layers: SessionLayers; notices: string[] }> {
  const page = await browser.newPage();
  await runJourney(page, journey, shopUrl);

  const deadline = Date.now() + SETTLE_MS;
  let layers = sessionLayers(emptySession());
  for (;;) {
    const sessions = await readExtensionSessions(browser, extensionId).catch(() => []);
    const session = sessions.find((candidate) =>
      candidate.navigations.some((navigation) => navigation.url.startsWith(shopUrl)),
    );
    if (session) layers = sessionLayers(session);
    const notices = unsettled(layers, journey, isMirrorStored);
    if (notices.length === 0 || Date.now() > deadline) return { layers, notices };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function unsettled(
  layers: SessionLayers,
  journey: Journey,
  isMirrorStored: (count: number) => boolean,
): string[] {
  const granted = layers.ga4Events.filter(
    (placed) => placed.event.consent.analytics_storage?.effective !== 'denied',
  ).length;
  const notices: string[] = [];
  if (layers.ga4Events.length < journey.expectedEvents.length)
    notices.push(
      `the extension captured ${layers.ga4Events.length} of the ${journey.expectedEvents.length} GA4 events the journey expects`,
    );
  if (layers.mirrorEvents.length < granted)
    notices.push(
      `the page sent ${layers.mirrorEvents.length} mirror copies for ${granted} events sent with consent`,
    );
  if (!isMirrorStored(layers.mirrorEvents.length))
    notices.push('the collector had not taken every mirror copy');
  return notices;
}

function emptySession(): TabSession {
  return {
    tabId: 0,
    createdAt: 0,
    seq: 0,
    navigations: [],
    frames: [],
    pushes: [],
    hits: [],
    notices: [],
    dropped: { pushes: 0, hits: 0, notices: 0, invalid: 0 },
  };
}
