import { describe, expect, it } from 'vitest';
import { generateTabSession } from '../../bench/generate-tab-session.js';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import { analyseSession } from '../../extension/src/panel/model/analyse-session.js';
import { hitBody } from '../../extension/src/panel/model/session-records.js';
import { ga4RecommendedPlan } from '../panel/panel-fixtures.js';

const session = generateTabSession({ records: 3_000, seed: 7 });

describe('the synthetic tab session the panel benchmark feeds the panel', () => {
  it('is the same session, record for record, for the same seed', () => {
    expect(generateTabSession({ records: 3_000, seed: 7 })).toEqual(session);
  });

  it('is another session for another seed', () => {
    const other = generateTabSession({ records: 3_000, seed: 8 });
    expect(other.hits.map((hit) => hit.url)).not.toEqual(session.hits.map((hit) => hit.url));
  });

  it.each([0, 1, 37, 2_500])('holds exactly %i records, numbered 1 on in order', (records) => {
    const generated = generateTabSession({ records, seed: 3 });
    const seqs = [...generated.pushes, ...generated.hits]
      .map((record) => record.seq)
      .sort((left, right) => left - right);
    expect(seqs).toEqual(Array.from({ length: records }, (_, index) => index + 1));
    expect(generated.seq).toBe(records);
  });

  it('places every record in a navigation it lists, documents and SPA routes both', () => {
    const ids = new Set(session.navigations.map((navigation) => navigation.id));
    const records = [...session.pushes, ...session.hits];
    expect(records.every((record) => ids.has(record.navigationId))).toBe(true);
    const kinds = new Set(session.navigations.map((navigation) => navigation.kind));
    expect([...kinds].sort()).toEqual(['document', 'history']);
  });

  it('has pushes of GTM, gtag and ecommerce events beside GA4, server-side and vendor hits', () => {
    const pushed = new Set(session.pushes.map((push) => pushName(push.push)));
    for (const name of ['gtm.js', 'consent', 'config', 'view_item', 'add_to_cart', 'purchase'])
      expect(pushed).toContain(name);
    const sent = new Set(session.hits.map((hit) => destinationOf(hit.url, hit.summary)));
    expect([...sent].sort()).toEqual([
      'ga4 metrics.shop.example.test',
      'ga4 region1.google-analytics.com',
      'vendor google-ads',
      'vendor meta-pixel',
    ]);
    const batched = session.hits.filter(
      (hit) => hit.summary.kind === 'ga4' && hit.summary.events.length > 1,
    );
    expect(batched.length).toBeGreaterThan(50);
  });

  it('sends GA4 hits that decode without a warning', () => {
    const warnings = session.hits
      .map((hit) => decodeRequest({ url: hit.url, ...bodyOf(hit) }))
      .flatMap((decoded) => (decoded.kind === 'ga4' ? decoded.events : []))
      .flatMap((event) => event.warnings);
    expect(warnings).toEqual([]);
  });

  it('carries the tracking bugs a QA session finds, among mostly valid events', () => {
    const { rows } = analyseSession(session, ga4RecommendedPlan());
    const count = (status: string) => rows.filter((row) => row.status === status).length;
    expect(count('valid')).toBeGreaterThan(count('invalid') * 10);
    expect(count('invalid')).toBeGreaterThan(0);
    expect(count('unplanned')).toBeGreaterThan(0);
    expect(rows.some((row) => row.pii.length > 0)).toBe(true);
    expect(rows.some((row) => row.hitState === 'failed')).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s records with a RangeError', (records) => {
    expect(() => generateTabSession({ records })).toThrow(RangeError);
  });
});

function pushName(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  const record = value as Record<string, unknown>;
  if (Array.isArray(record['$arguments'])) return String(record['$arguments'][0]);
  return typeof record['event'] === 'string' ? record['event'] : '';
}

function destinationOf(url: string, summary: { kind: string; vendor?: string }): string {
  return summary.kind === 'vendor'
    ? `vendor ${summary.vendor}`
    : `${summary.kind} ${new URL(url).host}`;
}

function bodyOf(hit: Parameters<typeof hitBody>[0]): { body?: string } {
  const body = hitBody(hit);
  return body === undefined ? {} : { body };
}
