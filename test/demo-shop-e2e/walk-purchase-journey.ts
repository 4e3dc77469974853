import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { CapturedPush } from '../../shared/capture/captured-input.js';
import type { Ga4Event } from '../../shared/events/event-types.js';
import { launchChromium } from '../browser/launch-chromium.js';
import type { Journey } from '../demo-shop/journey/journey-types.js';
import { readJourney } from '../demo-shop/journey/read-journey.js';
import { runJourney } from '../demo-shop/journey/run-journey.js';
import { startDemoShop, type DemoShop } from '../demo-shop/server/start-demo-shop.js';
import { decodeRecordedHits } from './decode-recorded-hits.js';
import { recordDataLayerPushes } from './record-data-layer-pushes.js';
import { startPixelRecorder, type RecordedPixel } from './start-pixel-recorder.js';
import { waitUntil } from './wait-until.js';

/** What one walk of the bundled journey left behind, on every layer. */
export interface PurchaseWalk {
  journey: Journey;
  shop: DemoShop;
  page: Page;
  /** The dataLayer pushes of every page, before GTM processed them. */
  pushes: CapturedPush[];
  /** The GA4 events the stand-in Google endpoint received, decoded. */
  events: Ga4Event[];
  /** The web mirror's hits at the stand-in collector, decoded. */
  mirrorEvents: Ga4Event[];
  /** Console messages about the content security policy (there should be none). */
  policyViolations: string[];
  close(): Promise<void>;
}

/**
 * Walks `test/demo-shop/journey.yaml` once in Debian's Chromium: the shop with its stand-in
 * GTM and gtag, the stand-in Google endpoint, the web mirror template (the default one) running
 * live in the page and a stand-in collector for its hits. Waits until every expected GA4 event
 * and a mirror hit for each event sent with consent have arrived.
 */
export async function walkPurchaseJourney(): Promise<PurchaseWalk> {
  const journey = bundledJourney();
  const collector = await startPixelRecorder();
  const shop = await startDemoShop({ collectorUrl: collector.collectUrl });
  const chromium = await launchChromium();
  const page = await chromium.browser.newPage();
  const policyViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text()))
      policyViolations.push(message.text());
  });
  const pushes = await recordDataLayerPushes(page, ['dataLayer', 'shopLayer']);

  await runJourney(page, journey, shop.url);
  await waitUntil(
    'every GA4 event of the journey',
    () => decodeRecordedHits(shop.hits).length >= journey.expectedEvents.length,
  );
  const events = decodeRecordedHits(shop.hits);
  const granted = events.filter(
    (event) => event.consent.analytics_storage?.effective === 'granted',
  );
  await waitUntil(
    'a mirror hit for every event sent with consent',
    () => decodePixels(collector.pixels, collector.collectUrl).length >= granted.length,
  );

  return {
    journey,
    shop,
    page,
    pushes,
    events,
    mirrorEvents: decodePixels(collector.pixels, collector.collectUrl),
    policyViolations,
    async close() {
      await chromium.close();
      await shop.close();
      await collector.close();
    },
  };
}

function bundledJourney(): Journey {
  const text = readFileSync(new URL('../demo-shop/journey.yaml', import.meta.url), 'utf8');
  const result = readJourney(text);
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.journey;
}

function decodePixels(pixels: RecordedPixel[], collectUrl: string): Ga4Event[] {
  return pixels.flatMap((pixel) => {
    const url = new URL(pixel.path, collectUrl).href;
    const decoded = decodeRequest({ url, method: pixel.method });
    return decoded.kind === 'ga4' ? decoded.events : [];
  });
}
