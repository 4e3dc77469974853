import { describe, expect, it } from 'vitest';
import { buildCoverageMatrix } from '../../cli/report-html/build-coverage-matrix.js';
import { groupViolations } from '../../cli/report-html/group-violations.js';
import { renderSummary } from '../../cli/report-html/render-summary.js';
import { checkReportOf, checkedEvent, consentBeforeGrant } from './report-fixtures.js';

const check = checkReportOf(
  [
    checkedEvent('page_view', 'ga4'),
    checkedEvent('add_payment_info', 'ga4', [{ code: 'missing_required', path: '/items' }]),
    checkedEvent('purchase', 'ga4', [{ code: 'duplicate_event' }]),
    checkedEvent('purchase', 'ga4', [{ code: 'duplicate_event' }]),
    checkedEvent('tw_debug', 'ga4', [], 'unplanned'),
  ],
  [{ name: 'refund', layers: ['ga4'] }],
);
const gap = {
  kind: 'sent-not-mirrored' as const,
  layer: 'ga4' as const,
  name: 'page_view',
  time: 0,
  reason: 'before consent',
};

function summaryOf(consent = consentBeforeGrant()) {
  return renderSummary(
    {
      check,
      coverage: buildCoverageMatrix(check),
      violations: groupViolations(check.events),
      gaps: [gap],
      consent,
    },
    [{ label: 'pages', value: '4' }],
  );
}

const figures = (html: string) =>
  [...html.matchAll(/<div(?: class="([a-z]+)")?><dt>([^<]+)<\/dt><dd>([^<]+)<\/dd><\/div>/g)].map(
    (match) => [match[2], match[3], match[1] ?? ''],
  );

describe('the summary', () => {
  it('leads with the command’s own figures, then the findings, each toned', () => {
    expect(figures(summaryOf())).toEqual([
      ['pages', '4', ''],
      ['events checked', '5', ''],
      ['invalid', '3', 'bad'],
      ['unplanned', '1', 'warn'],
      ['errors', '3', 'bad'],
      ['planned events fired', '3 of 4', ''],
      ['lineage gaps', '1', 'warn'],
      ['hits before consent', '2', 'warn'],
      ['mirror and consent', 'respected', 'good'],
    ]);
  });

  it('names the commonest violation codes', () => {
    expect(summaryOf()).toContain(
      '<p>Most frequent violations: duplicate_event (2), missing_required (1).</p>',
    );
  });

  it('says when the mirror broke consent, or was never seen', () => {
    const base = consentBeforeGrant();
    const breached = { ...base, mirror: { ...base.mirror, verdict: 'breached' as const } };
    const absent = { ...base, mirror: { ...base.mirror, verdict: 'no-mirror' as const } };
    expect(figures(summaryOf(breached)).at(-1)).toEqual(['mirror and consent', 'breached', 'bad']);
    expect(figures(summaryOf(absent)).at(-1)).toEqual(['mirror and consent', 'no mirror', '']);
  });
});
