import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionPush, TabSession } from '../../extension/src/common/session-types.js';
import { chromiumPath } from '../browser/launch-chromium.js';
import {
  launchChromiumWithExtension,
  waitUntil,
  type ChromiumWithExtension,
} from './chromium-extension.js';
import { serveTestSite, type TestSite } from './serve-test-site.js';

const eventOf = (push: SessionPush): unknown => (push.push as { event?: unknown } | null)?.event;
const eventsIn = (session: TabSession | null, layer: string) =>
  (session?.pushes ?? []).filter((push) => push.dataLayerName === layer).map(eventOf);

describe.runIf(existsSync(chromiumPath))(
  'the user’s dataLayer names and early records in Chromium',
  () => {
    let site: TestSite;
    let chromium: ChromiumWithExtension;
    let page: Page;

    const setNames = (names: string[]) =>
      chromium.evaluateInWorker(
        `globalThis.tagwarden.handlers.setDataLayerNames({ names: ${JSON.stringify(names)} })`,
      );
    const sessionOf = (path: string) => async () =>
      (await chromium.sessionFor((url) => url.includes(path))) ?? null;

    beforeAll(async () => {
      site = await serveTestSite();
      chromium = await launchChromiumWithExtension();
      page = await chromium.browser.newPage();
    }, 120_000);

    afterAll(async () => {
      await chromium?.close();
      await site?.close();
    });

    it('hooks a layer named in the panel on pages opened afterwards', async () => {
      await setNames(['shopLayer']);
      await page.goto(`${site.origin}/named-layers.html`);
      // The names are read once the page is parsed: what was pushed before is kept.
      await waitUntil('the named layer’s pushes', sessionOf('/named-layers'), (found) =>
        eventsIn(found, 'shopLayer').includes('shop_after_load'),
      );
      await page.evaluate(() => {
        (window as unknown as { shopLayer: unknown[] }).shopLayer.push({ event: 'shop_later' });
      });
      const session = await waitUntil(
        'the named layer’s later push',
        sessionOf('/named-layers'),
        (found) => eventsIn(found, 'shopLayer').includes('shop_later'),
      );
      expect(eventsIn(session, 'shopLayer')).toEqual([
        'shop_while_parsing',
        'shop_after_load',
        'shop_later',
      ]);
      const later = session?.pushes.find((push) => eventOf(push) === 'shop_later');
      expect(later?.origin).toBe('live');
    }, 120_000);

    it('hooks a name added in the panel on a page already open', async () => {
      await setNames(['shopLayer', 'lateLayer']);
      await page.evaluate(() => {
        const scope = window as unknown as { lateLayer?: unknown[] };
        scope.lateLayer = scope.lateLayer ?? [];
        scope.lateLayer.push({ event: 'late_push' });
      });
      const session = await waitUntil(
        'the late layer’s push',
        sessionOf('/named-layers'),
        (found) => eventsIn(found, 'lateLayer').includes('late_push'),
      );
      expect(eventsIn(session, 'lateLayer')).toEqual(['late_push']);
    }, 120_000);

    it('finds a layer named by a loader script in the markup, without any name set', async () => {
      await setNames([]);
      await page.goto(`${site.origin}/markup-layer.html`);
      const session = await waitUntil(
        'the markup-named layer’s pushes',
        sessionOf('/markup-layer'),
        (found) => eventsIn(found, 'markupLayer').includes('markup_after_load'),
      );
      expect(eventsIn(session, 'markupLayer')).toEqual([
        'markup_while_parsing',
        'markup_after_load',
      ]);
      const afterLoad = session?.pushes.find((push) => eventOf(push) === 'markup_after_load');
      expect(afterLoad?.origin).toBe('live');
    }, 120_000);

    it('keeps what a page pushed while loading when it leaves before DOMContentLoaded', async () => {
      const leaving = await chromium.browser.newPage();
      await leaving.setRequestInterception(true);
      leaving.on('request', (request) => {
        // Never answered: the parser waits on it until the page has gone.
        if (request.url().endsWith('/stalled.js')) return;
        void request.continue();
      });
      // The navigation it starts replaces this one, so its own promise is not awaited.
      void leaving.goto(`${site.origin}/leave-early.html`).catch(() => undefined);
      const session = await waitUntil(
        'the page left for smoke.html',
        sessionOf('/smoke.html'),
        (found) => eventsIn(found, 'dataLayer').includes('smoke_after_gtm'),
      );
      expect(eventsIn(session, 'dataLayer')).toContain('left_before_dom_ready');
      await leaving.close();
    }, 120_000);
  },
);
