import type { Browser } from 'puppeteer-core';
import type { TabSession } from '../../../extension/src/common/session-types.js';
import type { Journey } from '../../../test/demo-shop/journey/journey-types.js';
import { runJourney } from '../../../test/demo-shop/journey/run-journey.js';
import { readExtensionSessions } from './read-extension-sessions.js';
import { sessionLayers, type SessionLayers } from './session-layers.js';

const SETTLE_MS = 30_000;

/**
 * Walks the journey in a new tab and reads that tab's session back from the extension, once
 * every GA4 event the journey expects has been captured (each name as often as expected), every event sent with consent has
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
  // Counted per name: extra events of one kind must not stand in for a late one of another.
  const missing = missingEvents(
    journey.expectedEvents,
    layers.ga4Events.map((placed) => placed.event.name),
  );
  if (missing.length > 0)
    notices.push(
      `the extension has not captured ${missing.length} of the GA4 events the journey expects (${missing.join(', ')})`,
    );
  if (layers.mirrorEvents.length < granted)
    notices.push(
      `the page sent ${layers.mirrorEvents.length} mirror copies for ${granted} events sent with consent`,
    );
  if (!isMirrorStored(layers.mirrorEvents.length))
    notices.push('the collector had not taken every mirror copy');
  return notices;
}

/** The expected event names, repeats included, that `captured` does not account for. */
function missingEvents(
  expected: readonly string[],
  captured: ReadonlyArray<string | null>,
): string[] {
  const left = new Map<string | null, number>();
  for (const name of captured) left.set(name, (left.get(name) ?? 0) + 1);
  const missing: string[] = [];
  for (const name of expected) {
    const count = left.get(name) ?? 0;
    if (count === 0) missing.push(name);
    else left.set(name, count - 1);
  }
  return missing;
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
