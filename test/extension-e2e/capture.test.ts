import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  SessionHit,
  SessionPush,
  TabSession,
} from '../../extension/src/common/session-types.js';
import { chromiumPath } from '../browser/launch-chromium.js';
import {
  launchChromiumWithExtension,
  waitUntil,
  type ChromiumWithExtension,
} from './chromium-extension.js';
import { serveTestSite, type TestSite } from './serve-test-site.js';

const eventOf = (push: SessionPush): unknown => (push.push as { event?: unknown } | null)?.event;
const topFramePushes = (session: TabSession, layer = 'dataLayer') =>
  session.pushes.filter((push) => push.dataLayerName === layer && push.frameId === 0);
const eventNamesOf = (session: TabSession, layer = 'dataLayer') =>
  topFramePushes(session, layer)
    .map(eventOf)
    .filter((name) => name !== undefined);
const hitNamed = (session: TabSession, name: string): SessionHit | undefined =>
  session.hits.find(
    (hit) => hit.summary.kind === 'ga4' && hit.summary.events.some((event) => event.name === name),
  );
const isCapturePage = (url: string) => url.includes('/capture.html');

describe.runIf(existsSync(chromiumPath))(
  'the extension capturing a page in Chromium, with no panel open',
  () => {
    let site: TestSite;
    let otherSite: TestSite;
    let chromium: ChromiumWithExtension;
    let page: Page;
    let session: TabSession;

    const readSession = async () => (await chromium.sessionFor(isCapturePage)) ?? null;
    // About one run in ten to twenty, Chrome reports the start of the page's worker's keepalive
    // hit and then no completion or error for it: a hit still pending 10 s after it left is
    // taken as never to be answered.
    const isSettled = (hit: TabSession['hits'][number]) =>
      hit.state !== 'pending' || Date.now() - hit.time > 10_000;

    beforeAll(async () => {
      [site, otherSite] = await Promise.all([serveTestSite(), serveTestSite()]);
      chromium = await launchChromiumWithExtension();
      page = await chromium.browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url().includes('en=blocked_event')) void request.abort('blockedbyclient');
        else void request.continue();
      });
      await page.goto(`${site.origin}/capture.html?other=${encodeURIComponent(otherSite.origin)}`);
      const settled = (value: TabSession | null): value is TabSession =>
        value !== null &&
        value.pushes.some((push) => eventOf(push) === 'gtm.load') &&
        // Each frame sends its records once it has loaded, in its own time.
        ['in_cross_origin_frame', 'in_same_origin_frame', 'in_srcdoc_frame'].every((event) =>
          value.pushes.some((push) => eventOf(push) === event),
        ) &&
        value.hits.filter(isSettled).length >= 10;
      session = (await waitUntil('the capture page session', readSession, settled)) as TabSession;
    }, 120_000);

    afterAll(async () => {
      await chromium?.close();
      await site?.close();
      await otherSite?.close();
    });

    it('sees every push to dataLayer once, in order: before GTM, after it, through a chain of replaced pushes and re-entrant pushes', () => {
      expect(eventNamesOf(session)).toEqual([
        'before_gtm',
        'unclonable',
        'after_gtm',
        'with_follow_up',
        'standin.followup',
        'through_page_wrapper',
        'reassigned_initial',
        'after_reassign',
        'gtm.dom',
        'gtm.load',
      ]);
      expect(topFramePushes(session).find((push) => eventOf(push) === 'before_gtm')?.origin).toBe(
        'live',
      );
    });

    it('records pushes in the transport form before GTM stamps them', () => {
      const afterGtm = topFramePushes(session).find((push) => eventOf(push) === 'after_gtm');
      expect(afterGtm?.push).toEqual({ event: 'after_gtm', step: 2 });
    });

    it('tags gtag calls as $arguments, with dates as $date markers', () => {
      const gtagCalls = topFramePushes(session)
        .map((push) => push.push)
        .filter((push) => typeof push === 'object' && push !== null && '$arguments' in push);
      expect(gtagCalls).toEqual([
        { $arguments: ['js', { $date: '1970-01-01T00:00:00.000Z' }] },
        { $arguments: ['config', 'G-STANDIN1', { send_page_view: false }] },
        { $arguments: ['event', 'sign_up', { method: 'email' }] },
      ]);
    });

    it('summarises values that cannot be cloned instead of failing', () => {
      const push = topFramePushes(session).find((entry) => eventOf(entry) === 'unclonable')?.push;
      expect(push).toEqual({
        event: 'unclonable',
        element: { $node: 'html' },
        callback: { $function: 'namedCallback' },
        cyclic: { name: 'cyclic', self: { $unclonable: 'cycle' } },
        when: { $date: '1970-01-01T00:00:00.000Z' },
        nothing: { $undefined: true },
        broken: { value: { $unclonable: 'getter threw: Error: getter says no' } },
      });
    });

    it('finds a renamed dataLayer from the gtm.js?l= URL and keeps what was pushed before', () => {
      // The async container may load before or after DOMContentLoaded, so gtm.dom may be absent.
      const pushes = topFramePushes(session, 'myLayer').filter(
        (push) => eventOf(push) !== 'gtm.dom',
      );
      expect(pushes.map((push) => [eventOf(push), push.origin])).toEqual([
        ['gtm.js', 'preexisting'],
        ['renamed_layer_event', 'live'],
        ['gtm.load', 'live'],
      ]);
    });

    it('follows the page reassigning window.dataLayer, telling the arrays apart', () => {
      const byEvent = new Map(topFramePushes(session).map((push) => [eventOf(push), push]));
      expect(byEvent.get('reassigned_initial')).toMatchObject({
        arrayIndex: 2,
        origin: 'preexisting',
      });
      expect(byEvent.get('after_reassign')).toMatchObject({ arrayIndex: 2, origin: 'live' });
      // GTM keeps processing the array it started with, so its own events go there.
      expect(byEvent.get('gtm.load')).toMatchObject({ arrayIndex: 1, origin: 'live' });
    });

    it('leaves the page its own push chain: its wrapper ran once per push to that array', async () => {
      // through_page_wrapper, then GTM's gtm.dom and gtm.load, pushed to the array GTM holds.
      expect(
        await page.evaluate(
          () => (window as unknown as { pageWrapperCalls: number }).pageWrapperCalls,
        ),
      ).toBe(3);
    });

    it('splits a batched sendBeacon POST into its events and joins the page and network views', () => {
      const hit = hitNamed(session, 'purchase');
      expect(hit?.summary).toEqual({
        kind: 'ga4',
        protocol: 'gtag',
        events: [
          { name: 'purchase', account: 'G-STANDIN1' },
          { name: 'scroll', account: 'G-STANDIN1' },
        ],
      });
      expect(hit?.page).toMatchObject({ transport: 'beacon', queued: true, bodyKind: 'text' });
      expect(hit?.page?.body).toContain('en=purchase&ep.transaction_id=T_12345&epn.value=72.05');
      expect(hit?.network).toMatchObject({ type: 'ping', statusCode: 204 });
      expect(hit?.state).toBe('completed');
    });

    it.each([
      ['fetch_event', 'fetch', 'xmlhttprequest'],
      ['xhr_event', 'xhr', 'xmlhttprequest'],
      ['image_event', 'image', 'image'],
      ['sign_up', 'fetch', 'xmlhttprequest'],
      ['first_party_event', 'fetch', 'xmlhttprequest'],
    ])('captures the %s hit from the page (%s) and the network (%s)', (name, transport, type) => {
      const hit = hitNamed(session, name);
      expect(hit?.page?.transport).toBe(transport);
      expect(hit?.network?.type).toBe(type);
      expect(hit?.state).toBe('completed');
      expect(hit?.network?.statusCode).toBe(204);
    });

    it('shows a hit the test blocked as failed, with the network error', () => {
      const hit = hitNamed(session, 'blocked_event');
      expect(hit?.state).toBe('failed');
      expect(hit?.network?.error).toBe('net::ERR_BLOCKED_BY_CLIENT');
      expect(hit?.page?.transport).toBe('fetch');
    });

    it("captures a worker's hit through the network layer alone", () => {
      const hit = hitNamed(session, 'worker_event');
      expect(hit?.page).toBeUndefined();
      expect(hit?.network).toMatchObject({ type: 'xmlhttprequest' });
      // Its answer, unless Chrome reported none (see `isSettled`).
      if (hit?.state !== 'pending') {
        expect(hit?.network?.statusCode).toBe(204);
        expect(hit?.state).toBe('completed');
      }
    });

    it('captures pushes and hits in same-origin, srcdoc and cross-origin frames, each under its own frame', () => {
      const framePushes = session.pushes.filter((push) => push.frameId !== 0);
      const frameOf = (event: string) =>
        framePushes.find((push) => eventOf(push) === event)?.frameId;
      const frameIds = ['in_same_origin_frame', 'in_srcdoc_frame', 'in_cross_origin_frame'].map(
        frameOf,
      );
      expect(new Set(frameIds).size).toBe(3);
      expect(frameIds.every((frameId) => typeof frameId === 'number' && frameId > 0)).toBe(true);
      const crossOriginFrame = session.frames.find(
        (frame) => frame.frameId === frameOf('in_cross_origin_frame'),
      );
      expect(crossOriginFrame?.url).toBe(`${otherSite.origin}/frame.html?label=cross_origin`);
      expect(hitNamed(session, 'cross_origin_frame_hit')?.frameId).toBe(
        frameOf('in_cross_origin_frame'),
      );
      expect(hitNamed(session, 'same_origin_frame_hit')?.state).toBe('completed');
    });

    it('marks where the hook started and which layers it found', () => {
      const codes = session.notices
        .filter((notice) => notice.frameId === 0)
        .map((notice) => [notice.code, notice.dataLayerName]);
      expect(codes).toEqual([
        ['hook-started', undefined],
        ['data-layer-found', 'dataLayer'],
        ['data-layer-found', 'myLayer'],
        ['data-layer-found', 'dataLayer'],
      ]);
      expect(session.dropped).toEqual({ pushes: 0, hits: 0, notices: 0, invalid: 0 });
    });

    it("files the top frame's records under the navigation of the document that made them", () => {
      const topPushes = session.pushes.filter((push) => push.frameId === 0);
      const navigation = session.navigations.find((entry) => entry.url.includes('/capture.html'));
      expect(topPushes.length).toBeGreaterThan(3);
      expect(navigation?.documentId).toMatch(/^[0-9A-F]{32}$/);
      expect(new Set(topPushes.map((push) => push.documentId))).toEqual(
        new Set([navigation?.documentId]),
      );
      expect(new Set(topPushes.map((push) => push.navigationId))).toEqual(
        new Set([navigation?.id]),
      );
    });

    it('records SPA history changes and reloads as navigations, keeping the earlier records', async () => {
      await page.evaluate(() => {
        history.pushState({}, '', '/capture.html?step=2');
        (window as unknown as { dataLayer: unknown[] }).dataLayer.push({
          event: 'after_route_change',
        });
      });
      const afterRoute = await waitUntil(
        'the SPA navigation',
        readSession,
        (value) => value?.pushes.some((push) => eventOf(push) === 'after_route_change') === true,
      );
      const routeChange = afterRoute?.navigations.at(-1);
      expect(routeChange).toMatchObject({
        kind: 'history',
        url: `${site.origin}/capture.html?step=2`,
      });
      const routed = afterRoute?.pushes.find((push) => eventOf(push) === 'after_route_change');
      expect(routed?.navigationId).toBe(routeChange?.id);

      await page.reload();
      const reloaded = await waitUntil(
        'the reload',
        readSession,
        (value) => (value?.pushes.filter((push) => eventOf(push) === 'gtm.load').length ?? 0) >= 4,
      );
      const reload = reloaded?.navigations.find(
        (navigation) => navigation.transitionType === 'reload',
      );
      expect(reload?.kind).toBe('document');
      expect(
        reloaded?.pushes
          .filter((push) => eventOf(push) === 'before_gtm')
          .map((push) => push.navigationId),
      ).toEqual([
        session.pushes.find((push) => eventOf(push) === 'before_gtm')?.navigationId,
        reload?.id,
      ]);
    });

    it('keeps the session when the service worker is stopped, and a push wakes it again', async () => {
      // Chrome stops a worker that has been idle for 30 s, long after its last write; waiting
      // for the network to answer every hit (see `isSettled`), then flushing, stands in for
      // that wait. An answer landing between the flush and the stop would change a hit only in
      // memory.
      await waitUntil('every hit to be answered', readSession, (value) =>
        Boolean(value?.hits.every(isSettled)),
      );
      await chromium.evaluateInWorker('globalThis.tagwarden.store.flush()');
      const before = (await readSession()) as TabSession;
      const startedAt = await chromium.workerStartedAt();
      await chromium.stopWorker();
      await waitUntil(
        'the worker to stop',
        () => chromium.isWorkerRunning(),
        (isRunning) => !isRunning,
      );
      // One push, no retries from the test: the relay must wake the worker and deliver it.
      await page.evaluate(() =>
        (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'wake_up' }),
      );
      await waitUntil(
        'the push to wake a worker',
        () => chromium.isWorkerRunning(),
        (isRunning) => isRunning,
      );
      const after = (await waitUntil(
        'the session after a restart',
        readSession,
        (value) => value?.pushes.some((push) => eventOf(push) === 'wake_up') === true,
      )) as TabSession;
      expect(await chromium.workerStartedAt()).toBeGreaterThan(startedAt);
      expect(after.pushes.slice(0, before.pushes.length)).toEqual(before.pushes);
      expect(after.pushes.filter((push) => eventOf(push) === 'wake_up')).toHaveLength(1);
      expect(after.hits.slice(0, before.hits.length)).toEqual(before.hits);
    }, 120_000);
  },
);
