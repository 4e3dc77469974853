import { describe, expect, it } from 'vitest';
import type { ConsentFindings } from '../../cli/commands/demo/find-consent-findings.js';
import { renderConsentFindings } from '../../cli/report-html/render-consent-findings.js';
import { consentBeforeGrant } from './report-fixtures.js';

const tableRows = (html: string, id: string) => {
  const start = html.indexOf(`<table id="${id}"`);
  if (start === -1) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  return table.match(/<tr><td>.*<\/tr>/g) ?? [];
};

describe('the consent section', () => {
  const html = renderConsentFindings(consentBeforeGrant());

  it('counts the hits sent with analytics_storage denied', () => {
    expect(html).toContain('data-testid="consent-findings"');
    expect(html).toContain('<h2>Consent: 2 of 16 GA4 hits sent with analytics_storage denied</h2>');
  });

  it('lists the hits sent before consent, with their gcs, ad_storage and mirror copy', () => {
    expect(tableRows(html, 'consent-before-grant')).toEqual([
      '<tr><td>page_view</td><td>http://127.0.0.1:8080/</td><td>G100</td><td>denied</td><td>not mirrored</td></tr>',
      '<tr><td>view_item_list</td><td>http://127.0.0.1:8080/</td><td>G100</td><td>denied</td><td>not mirrored</td></tr>',
    ]);
    expect(html).toContain(
      '<h3>Sent with consent denied, never granted in the tab (0)</h3><p>None.</p>',
    );
  });

  it('draws the GA4 hits by analytics_storage state', () => {
    expect(html).toContain('GA4 hits 16 (14 granted, 2 denied, before consent)');
  });

  const refused: ConsentFindings = {
    ...consentBeforeGrant(),
    deniedHits: consentBeforeGrant().deniedHits.map((hit) => ({ ...hit, isBeforeGrant: false })),
  };
  it.each([
    [
      'respected',
      consentBeforeGrant(),
      'verdict-ok',
      'The mirror respected consent: none of its 14 copies',
    ],
    [
      'breached',
      {
        ...refused,
        mirror: { copies: 3, deniedCopies: 2, deniedCopiesWithIdentifiers: 2, verdict: 'breached' },
      },
      'verdict-bad',
      'The mirror did not respect consent: 2 of its 3 copies carried a client, session or user ID',
    ],
    [
      'no mirror',
      {
        ...refused,
        mirror: {
          copies: 0,
          deniedCopies: 0,
          deniedCopiesWithIdentifiers: 0,
          verdict: 'no-mirror',
        },
      },
      'verdict-none',
      'No mirror copy was captured',
    ],
  ] as const)('says whether the mirror kept to consent: %s', (_case, findings, style, sentence) => {
    const rendered = renderConsentFindings(findings);
    expect(rendered).toContain(`<p class="${style}" data-testid="mirror-consent">${sentence}`);
  });

  it('lists hits whose consent was never granted apart from those sent before it was', () => {
    const rendered = renderConsentFindings(refused);
    expect(tableRows(rendered, 'consent-denied')).toHaveLength(2);
    expect(tableRows(rendered, 'consent-before-grant')).toHaveLength(0);
  });

  it('claims nothing about mirror copies when no mirror was seen', () => {
    const unmirrored: ConsentFindings = {
      ...consentBeforeGrant(),
      mirror: { copies: 0, deniedCopies: 0, deniedCopiesWithIdentifiers: 0, verdict: 'no-mirror' },
    };
    const rows = tableRows(renderConsentFindings(unmirrored), 'consent-before-grant');
    expect(rows.map((row) => row.endsWith('<td>–</td></tr>'))).toEqual([true, true]);
  });

  it('shows a page-supplied name, page and gcs with markup as text', () => {
    const hostile = consentBeforeGrant('<script>alert(1)</script>');
    const [first] = hostile.deniedHits;
    if (first !== undefined) Object.assign(first, { page: '"><img src=x>', gcs: '<b>G1' });
    const rendered = renderConsentFindings(hostile);
    expect(rendered).not.toMatch(/<script|<img|<b>/);
    expect(rendered).toContain(
      '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>&quot;&gt;&lt;img src=x&gt;</td><td>&lt;b&gt;G1</td>',
    );
  });

  it('says so when no GA4 hit was captured', () => {
    const empty: ConsentFindings = {
      hitsByState: { granted: 0, denied: 0, unset: 0, unknown: 0 },
      deniedHits: [],
      mirror: { copies: 0, deniedCopies: 0, deniedCopiesWithIdentifiers: 0, verdict: 'no-mirror' },
    };
    expect(renderConsentFindings(empty)).toContain('<p>No GA4 hit was captured.</p>');
  });
});
