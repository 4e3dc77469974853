import type { ConsentFindings } from '../commands/demo/find-consent-findings.js';
import { escapeHtml } from './escape-html.js';
import { renderBarChartSvg, type ChartSegment } from './render-bar-chart-svg.js';
import { renderTable } from './render-table.js';

const VERDICTS = {
  respected: 'verdict-ok',
  breached: 'verdict-bad',
  'no-mirror': 'verdict-none',
} as const;

/**
 * The consent findings: GA4 hits by their analytics_storage state, the hits sent before the
 * visitor agreed and those sent with consent denied throughout, and whether the web mirror
 * kept to it.
 */
export function renderConsentFindings(consent: ConsentFindings): string {
  const { hitsByState, deniedHits } = consent;
  const hits = Object.values(hitsByState).reduce((sum, count) => sum + count, 0);
  const heading = `<h2>Consent: ${deniedHits.length} of ${hits} GA4 hits sent with analytics_storage denied</h2>`;
  if (hits === 0 && consent.mirror.copies === 0)
    return `<section data-testid="consent-findings">${heading}<p>No GA4 hit was captured.</p></section>`;

  return [
    '<section data-testid="consent-findings">',
    heading,
    `<p class="${VERDICTS[consent.mirror.verdict]}" data-testid="mirror-consent">${escapeHtml(mirrorSentence(consent))}</p>`,
    consentChart(consent),
    deniedTable('Sent before consent was granted', 'consent-before-grant', consent, true),
    deniedTable(
      'Sent with consent denied, never granted in the tab',
      'consent-denied',
      consent,
      false,
    ),
    '<p class="legend"><code>gcs</code> is <code>G1</code> followed by ad_storage and analytics_storage, 1 granted and 0 denied: <code>G100</code> is both denied, <code>G111</code> both granted.</p>',
    '</section>',
  ].join('\n');
}

function consentChart({ hitsByState, deniedHits }: ConsentFindings): string {
  const beforeGrant = deniedHits.filter((hit) => hit.isBeforeGrant).length;
  const segments: ChartSegment[] = [
    { label: 'granted', value: hitsByState.granted, tone: 'good' },
    { label: 'denied, before consent', value: beforeGrant, tone: 'warn' },
    { label: 'denied', value: deniedHits.length - beforeGrant, tone: 'bad' },
    { label: 'not managed', value: hitsByState.unset + hitsByState.unknown, tone: 'muted' },
  ];
  return renderBarChartSvg({
    id: 'consent-chart',
    title: 'GA4 hits by analytics_storage',
    bars: [{ label: 'GA4 hits', segments }],
  });
}

function mirrorSentence(consent: ConsentFindings): string {
  const { copies, deniedCopies, deniedCopiesWithIdentifiers, verdict } = consent.mirror;
  const denied = consent.deniedHits.length;
  const skipped = consent.deniedHits.filter((hit) => !hit.isMirrored).length;
  const skips = `${skipped} of the ${denied} hits sent without consent were not mirrored`;
  switch (verdict) {
    case 'respected':
      return `The mirror respected consent: none of its ${copies} copies carried a client, session or user ID while analytics_storage was denied (${deniedCopies} sent while denied); ${skips}.`;
    case 'breached':
      return `The mirror did not respect consent: ${deniedCopiesWithIdentifiers} of its ${copies} copies carried a client, session or user ID while analytics_storage was denied; ${skips}.`;
    case 'no-mirror':
      return 'No mirror copy was captured, so whether a mirror keeps to consent cannot be told.';
  }
}

function deniedTable(
  title: string,
  id: string,
  consent: ConsentFindings,
  isBeforeGrant: boolean,
): string {
  const hits = consent.deniedHits.filter((hit) => hit.isBeforeGrant === isBeforeGrant);
  const hasMirror = consent.mirror.verdict !== 'no-mirror';
  const heading = `<h3>${escapeHtml(title)} (${hits.length})</h3>`;
  if (hits.length === 0) return `${heading}<p>None.</p>`;
  const rows = hits.map((hit) => [
    hit.name === null ? '(no name)' : hit.name,
    hit.page ?? '',
    hit.gcs ?? '(none)',
    hit.adStorage,
    hasMirror ? (hit.isMirrored ? 'mirrored' : 'not mirrored') : '–',
  ]);
  return `${heading}${renderTable(['event', 'page', 'gcs', 'ad_storage', 'mirror copy'], rows, { id })}`;
}
