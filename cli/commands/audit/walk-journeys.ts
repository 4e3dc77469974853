import type { Browser } from 'puppeteer-core';
import type { Journey } from '../../../test/demo-shop/journey/journey-types.js';
import { runJourney } from '../../../test/demo-shop/journey/run-journey.js';
import { UsageError } from '../../usage-error.js';
import { sessionLayers } from '../demo/session-layers.js';
import { readSettledSessions } from './read-settled-sessions.js';
import type { CapturedTab } from './summarise-pages.js';
import { SETTLE_MS } from './visit-page.js';

const EXPECTED_EVENTS_WAIT_MS = 15_000;

export interface NamedJourney {
  file: string;
  journey: Journey;
}

/**
 * Walks each journey in a tab of its own, one after the other, and takes that tab's session
 * from the extension: the tab that was not there before. A journey that lists its expected
 * GA4 events is given a while for all of them to arrive; a shortfall becomes a notice.
 */
export async function walkJourneys(
  browser: Browser,
  extensionId: string,
  journeys: NamedJourney[],
  options: { baseUrl: string; timeoutMs: number; onStep: (text: string) => void },
): Promise<{ tabs: CapturedTab[]; notices: string[] }> {
  const tabs: CapturedTab[] = [];
  const notices: string[] = [];
  for (const { file, journey } of journeys) {
    options.onStep(`walking journey ${journey.name}`);
    const before = new Set(
      (await readSettledSessions(browser, extensionId)).map((session) => session.tabId),
    );
    const page = await browser.newPage();
    await runJourney(page, journey, options.baseUrl, { stepTimeoutMs: options.timeoutMs }).catch(
      (error: unknown) => {
        throw new UsageError(
          `journey ${file}: ${error instanceof Error ? error.message : String(error)}`,
          'Check that the journey still matches the site (data-testid names, texts), or fix the site.',
        );
      },
    );
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    const taken = await takeJourneySession(browser, extensionId, journey, before);
    tabs.push(taken.tab);
    notices.push(...taken.notices);
    await page.close();
  }
  return { tabs, notices };
}

// The journey's tab is the one whose session was not there before it started.
async function takeJourneySession(
  browser: Browser,
  extensionId: string,
  journey: Journey,
  before: Set<number>,
): Promise<{ tab: CapturedTab; notices: string[] }> {
  const deadline = Date.now() + EXPECTED_EVENTS_WAIT_MS;
  const expected = journey.expectedEvents.length;
  for (;;) {
    const sessions = await readSettledSessions(browser, extensionId);
    const session = sessions.find((candidate) => !before.has(candidate.tabId));
    const captured = session ? sessionLayers(session).ga4Events.length : 0;
    const isLate = Date.now() > deadline;
    if (session && (captured >= expected || isLate)) {
      const notices =
        captured < expected
          ? [`journey ${journey.name}: ${captured} of ${expected} expected GA4 events captured`]
          : [];
      return { tab: { session, reachedBy: journey.name }, notices };
    }
    if (isLate) throw new Error(`the extension kept no session for journey ${journey.name}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
