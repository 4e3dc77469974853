import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import { findConsentFindings } from '../../cli/commands/demo/find-consent-findings.js';
import type { SessionGa4Event, SessionLayers } from '../../cli/commands/demo/session-layers.js';

// Hits shaped like the demo shop's (test/demo-shop/README.md): gtag's to Google, and the web
// mirror's copies (`tw_src=web_mirror`) to the collector, each stamped with `gcs`.
const GOOGLE = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-TWDEMO2025&gtm=45je5';
const MIRROR = 'http://127.0.0.1:8787/g/collect?v=2&tid=G-TWDEMO2025&tw_src=web_mirror&tw_tv=1';
const IDS = 'cid=1402913788.1766755461&sid=1766755461&sct=1';
const HOME = 'dl=http%3A%2F%2F127.0.0.1%3A8080%2F';

function placed(base: string, query: string, time: number, navigationId = 1): SessionGa4Event {
  const decoded = decodeRequest({ url: `${base}&${query}` });
  if (decoded.kind !== 'ga4') throw new Error(`not a GA4 hit: ${query}`);
  const [event] = decoded.events;
  if (event === undefined) throw new Error(`no event in ${query}`);
  return { event, hitSeq: time, time, navigationId };
}

function tab(ga4Events: SessionGa4Event[], mirrorEvents: SessionGa4Event[] = []): SessionLayers {
  return { pushes: [], pushNavigations: [], ga4Requests: [], ga4Events, mirrorEvents };
}

// The demo's journey in short: the first page's hits leave before the banner is answered,
// the visitor agrees, and from the next page on every hit is granted and mirrored.
const demoTab = tab(
  [
    placed(GOOGLE, `en=page_view&gcs=G100&${HOME}`, 1_000),
    placed(GOOGLE, `en=view_item_list&gcs=G100&${HOME}`, 1_000),
    placed(GOOGLE, `en=page_view&gcs=G111&${IDS}&${HOME}%3Fcart`, 5_000, 2),
  ],
  [placed(MIRROR, `en=page_view&gcs=G111&${IDS}&${HOME}%3Fcart`, 5_050, 2)],
);

describe('consent findings from a session', () => {
  it('names the hits sent before the visitor agreed, unmirrored, and finds the mirror kept to consent', () => {
    const findings = findConsentFindings([demoTab]);
    expect(findings.hitsByState).toEqual({ granted: 1, denied: 2, unset: 0, unknown: 0 });
    expect(findings.deniedHits).toEqual([
      {
        name: 'page_view',
        time: 1_000,
        page: 'http://127.0.0.1:8080/',
        gcs: 'G100',
        adStorage: 'denied',
        isBeforeGrant: true,
        isMirrored: false,
      },
      expect.objectContaining({ name: 'view_item_list', isBeforeGrant: true, isMirrored: false }),
    ]);
    expect(findings.mirror).toEqual({
      copies: 1,
      deniedCopies: 0,
      deniedCopiesWithIdentifiers: 0,
      verdict: 'respected',
    });
  });

  it.each([
    [
      'a copy without identifiers of a refused hit respects consent',
      `en=page_view&gcs=G100&${HOME}`,
      { deniedCopies: 1, deniedCopiesWithIdentifiers: 0, verdict: 'respected' },
    ],
    [
      'a copy carrying the client ID while denied breaches it',
      `en=page_view&gcs=G100&${IDS}&${HOME}`,
      { deniedCopies: 1, deniedCopiesWithIdentifiers: 1, verdict: 'breached' },
    ],
    [
      'a copy carrying only a user ID while denied breaches it',
      `en=page_view&gcs=G100&uid=member-42&${HOME}`,
      { deniedCopies: 1, deniedCopiesWithIdentifiers: 1, verdict: 'breached' },
    ],
  ] as const)('tells that %s', (_case, copyQuery, mirror) => {
    const refused = tab(
      [placed(GOOGLE, `en=page_view&gcs=G100&${HOME}`, 1_000)],
      [placed(MIRROR, copyQuery, 1_020)],
    );
    const findings = findConsentFindings([refused]);
    expect(findings.mirror).toMatchObject({ copies: 1, ...mirror });
    expect(findings.deniedHits).toMatchObject([{ isBeforeGrant: false, isMirrored: true }]);
  });

  it('cannot judge a mirror it never saw', () => {
    const findings = findConsentFindings([tab(demoTab.ga4Events)]);
    expect(findings.mirror.verdict).toBe('no-mirror');
    expect(findings.deniedHits).toHaveLength(2);
  });

  it('counts hits without consent mode as not managed, and finds nothing denied', () => {
    const findings = findConsentFindings([
      tab([placed(GOOGLE, `en=page_view&${IDS}&${HOME}`, 1_000)]),
    ]);
    expect(findings.hitsByState).toEqual({ granted: 0, denied: 0, unset: 1, unknown: 0 });
    expect(findings.deniedHits).toEqual([]);
  });

  it('judges "before consent" within each tab: a grant in another tab does not count', () => {
    const refusing = tab([placed(GOOGLE, `en=page_view&gcs=G100&${HOME}`, 1_000)]);
    const findings = findConsentFindings([refusing, demoTab]);
    expect(findings.deniedHits.map((hit) => hit.isBeforeGrant)).toEqual([false, true, true]);
  });

  it('finds nothing in no session', () => {
    expect(findConsentFindings([])).toEqual({
      hitsByState: { granted: 0, denied: 0, unset: 0, unknown: 0 },
      deniedHits: [],
      mirror: { copies: 0, deniedCopies: 0, deniedCopiesWithIdentifiers: 0, verdict: 'no-mirror' },
    });
  });

  it('never throws on hostile hits, counts each once, and leaves Object.prototype alone (fuzzed)', () => {
    const pair = fc.tuple(
      fc.constantFrom('en', 'gcs', 'gcd', 'cid', 'uid', 'tw_src', '__proto__', 'ep.__proto__'),
      fc.oneof(fc.constantFrom('G100', 'G111', 'G1', 'web_mirror', '%E0%A4%A', ''), fc.string()),
    );
    const hit = fc.record({
      isMirror: fc.boolean(),
      query: fc.array(pair, { maxLength: 6 }),
      time: fc.integer({ min: 0, max: 60_000 }),
      navigationId: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 12 }), (hits) => {
        const events = hits.map((one) =>
          placed(
            one.isMirror ? MIRROR : GOOGLE,
            one.query.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&'),
            one.time,
            one.navigationId,
          ),
        );
        const hitsOnly = events.filter((_event, index) => !hits[index]?.isMirror);
        const copies = events.filter((_event, index) => hits[index]?.isMirror);
        const findings = findConsentFindings([tab(hitsOnly, copies)]);
        const counted = Object.values(findings.hitsByState).reduce((sum, count) => sum + count, 0);
        expect(counted).toBe(hitsOnly.length);
        expect(findings.mirror.copies).toBe(copies.length);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
    );
  });
});
