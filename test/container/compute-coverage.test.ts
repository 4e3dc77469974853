import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../shared/container/compute-coverage.js';
import type { CoverageReport } from '../../shared/container/coverage-types.js';
import { planWebMirror } from '../../shared/container/plan-web-mirror.js';
import {
  fixedNow,
  fixturePlan,
  fixtureTemplate,
  readExportObject,
  readFixture,
} from './container-fixtures.js';
import { mergeExport } from './merge-export.js';

const eventOf = (report: CoverageReport, name: string) =>
  report.events.find((event) => event.name === name);
const tagOf = (report: CoverageReport, name: string) =>
  report.tags.find((tag) => tag.tag.name === name);
const gapsOf = (report: CoverageReport, kind: string) =>
  report.gaps.filter((gap) => gap.kind === kind).map((gap) => gap.event ?? gap.tag?.name);

describe('coverage of the shop against its own plan', () => {
  const report = computeCoverage(readFixture('shop-web'), fixturePlan('shop-plan.yaml'));

  it.each([
    { event: 'page_view', status: 'covered', tags: ['Google tag - G-SHOP7Q2XYZ'] },
    { event: 'view_item', status: 'covered', tags: ['GA4 - view_item'] },
    { event: 'remove_from_cart', status: 'missing', tags: [] },
    { event: 'refund', status: 'paused', tags: ['GA4 - refund'] },
    { event: 'add_to_wishlist', status: 'covered', tags: ['GA4 - wishlist and cart views'] },
    { event: 'view_cart', status: 'covered', tags: ['GA4 - wishlist and cart views'] },
    { event: 'back_in_stock_signup', status: 'not-on-ga4', tags: [] },
  ])('$event is $status', ({ event, status, tags }) => {
    expect(eventOf(report, event)?.status).toBe(status);
    expect(eventOf(report, event)?.ga4Tags.map((tag) => tag.name)).toEqual(tags);
  });

  it('judges required parameters: sent, from the ecommerce object, or missing', () => {
    const verdicts = (event: string) =>
      eventOf(report, event)?.required.map(
        (judgement) => `${judgement.parameter}:${judgement.verdict}`,
      );

    expect(verdicts('purchase')).toEqual([
      'transaction_id:sent',
      'items:ecommerce',
      'customer_type:missing',
    ]);
    expect(verdicts('add_shipping_info')).toEqual(['shipping_tier:sent', 'items:missing']);
    expect(verdicts('newsletter_click')).toEqual(['link_url:sent', 'link_domain:missing']);
    expect(verdicts('add_to_cart')).toEqual(['items:ecommerce', 'currency:ecommerce']);
  });

  it('lists each gap once, by kind', () => {
    expect(gapsOf(report, 'no_ga4_tag')).toEqual(['remove_from_cart', 'refund']);
    expect(gapsOf(report, 'missing_required')).toEqual([
      'purchase',
      'add_shipping_info',
      'newsletter_click',
    ]);
    expect(gapsOf(report, 'deprecated_event')).toEqual(['add_to_wishlist']);
    expect(gapsOf(report, 'unplanned_event')).toEqual(['begin_checkout']);
    expect(gapsOf(report, 'dynamic_event_name')).toEqual([]);
    expect(report.gaps.find((gap) => gap.kind === 'deprecated_event')?.message).toContain(
      '(use add_to_cart)',
    );
  });

  it('reads the names a tag sending {{Event}} takes from its regex trigger', () => {
    expect(tagOf(report, 'GA4 - wishlist and cart views')).toMatchObject({
      status: 'inferred',
      names: ['add_to_wishlist', 'view_cart'],
    });
    expect(tagOf(report, 'GA4 - refund')).toMatchObject({ status: 'planned', isPaused: true });
  });

  it('sums it up', () => {
    expect(report.summary).toMatchObject({
      plannedEvents: 12,
      expectedOnGa4: 11,
      withGa4Tag: 9,
      withMirrorTag: 0,
      ga4Tags: 9,
      mirrorTags: 0,
    });
    expect(report.summary.gaps).toEqual({
      no_ga4_tag: 2,
      no_mirror_tag: 7,
      missing_required: 3,
      unplanned_event: 1,
      dynamic_event_name: 0,
      deprecated_event: 1,
    });
  });
});

describe('coverage against the bundled ga4-recommended plan', () => {
  it.each([
    { file: 'shop-web', withGa4Tag: 9, unplanned: ['GA4 - newsletter_click'], dynamic: [] },
    {
      file: 'publisher-web',
      withGa4Tag: 5,
      unplanned: ['GA4 - newsletter_signup', 'GA4 - engaged_read', 'GA4 - article_view setup'],
      dynamic: ['GA4 - audio', 'GA4 - video'],
    },
    {
      file: 'saas-web',
      withGa4Tag: 6,
      unplanned: ['GA4 - trial_started', 'GA4 - feature_used', 'GA4 - plan_changed'],
      dynamic: [],
    },
    { file: 'minimal-web', withGa4Tag: 1, unplanned: ['GA4 - cta_click'], dynamic: [] },
  ])(
    '$file: $withGa4Tag planned events sent by GA4 tags',
    ({ file, withGa4Tag, unplanned, dynamic }) => {
      const report = computeCoverage(readFixture(file), fixturePlan('ga4-recommended'));

      expect(report.summary.withGa4Tag).toBe(withGa4Tag);
      expect(
        report.gaps.filter((gap) => gap.kind === 'unplanned_event').map((gap) => gap.tag?.name),
      ).toEqual(unplanned);
      expect(gapsOf(report, 'dynamic_event_name')).toEqual(dynamic);
    },
  );

  it('says an event name built at run time cannot be judged, and which planned events it may send', () => {
    const report = computeCoverage(readFixture('publisher-web'), fixturePlan('ga4-recommended'));
    const video = report.gaps.find((gap) => gap.tag?.name === 'GA4 - video');

    expect(video?.message).toContain(
      'cannot be judged statically; it may send video_start, video_progress, video_complete',
    );
    expect(eventOf(report, 'video_start')).toMatchObject({
      status: 'possible',
      possibleTags: [{ tagId: '77', name: 'GA4 - video' }],
    });
    expect(tagOf(report, 'GA4 - audio')).toMatchObject({ status: 'dynamic', names: [] });
  });

  it('counts events gtag.js or GA4 send by themselves as automatic, not as gaps', () => {
    const report = computeCoverage(readFixture('shop-web'), fixturePlan('ga4-recommended'));

    expect(eventOf(report, 'scroll')?.status).toBe('automatic');
    expect(eventOf(report, 'first_visit')?.status).toBe('not-on-ga4');
    expect(gapsOf(report, 'no_ga4_tag')).not.toContain('scroll');
    expect(eventOf(report, 'page_view')?.status).toBe('covered');
  });

  it('does not count a Google tag whose send_page_view is false as sending page_view', () => {
    const report = computeCoverage(readFixture('saas-web'), fixturePlan('ga4-recommended'));

    expect(eventOf(report, 'page_view')?.ga4Tags.map((tag) => tag.name)).toEqual([
      'Google tag - marketing site',
    ]);
  });
});

describe('coverage of mirror tags', () => {
  it('finds the mirror an earlier run left (saas sign_up), and none elsewhere', () => {
    const report = computeCoverage(readFixture('saas-web'), fixturePlan('ga4-recommended'));

    expect(eventOf(report, 'sign_up')?.mirrorTags).toEqual([
      { tagId: '92', name: 'GA4 - sign_up (tagwarden mirror)' },
    ]);
    expect(eventOf(report, 'login')?.mirrorTags).toEqual([]);
    expect(report.summary.mirrorTags).toBe(1);
  });

  it.each(['shop-web', 'publisher-web', 'saas-web'])(
    '%s: once the mirror export is imported, every tagged event is mirrored',
    (file) => {
      const container = readFixture(file);
      const result = planWebMirror(container, {
        template: fixtureTemplate('web'),
        now: fixedNow,
        joinKey: 'event_id',
      });
      const merged = readExportObject(mergeExport(container.document, result.export));
      const before = computeCoverage(container, fixturePlan('ga4-recommended'));
      const after = computeCoverage(merged, fixturePlan('ga4-recommended'));

      expect(after.summary.withGa4Tag).toBe(before.summary.withGa4Tag);
      expect(after.summary.withMirrorTag).toBe(after.summary.withGa4Tag);
      expect(after.summary.gaps.no_mirror_tag).toBe(0);
      expect(after.summary.ga4Tags).toBe(before.summary.ga4Tags);
    },
  );

  it('links a mirror without the mark by its event name and triggers', () => {
    const container = readFixture('saas-web');
    const document = structuredClone(container.document);
    const tags = (document['containerVersion'] as { tag: Array<Record<string, unknown>> }).tag;
    const marked = tags.find((tag) => tag['tagId'] === '92');
    if (marked) delete marked['notes'];
    const report = computeCoverage(readExportObject(document), fixturePlan('ga4-recommended'));

    expect(eventOf(report, 'sign_up')?.mirrorTags.map((tag) => tag.tagId)).toEqual(['92']);
  });
});
