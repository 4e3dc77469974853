import { describe, expect, it } from 'vitest';
import { readCapture } from '../../shared/capture/read-capture.js';
import { checkCaptures } from '../../shared/check/check-captures.js';
import type { CheckedEvent } from '../../shared/check/check-report.js';
import { readSessionFile } from '../../extension/src/panel/export/read-session-file.js';
import { sessionToNdjson } from '../../extension/src/panel/export/session-to-ndjson.js';
import { analyseSession, SESSION_FILE } from '../../extension/src/panel/model/analyse-session.js';
import { ga4RecommendedPlan, readRepoFile, shopPlan, shopSession } from './panel-fixtures.js';

/** A verdict without where it came from: what must agree between a file and its import. */
const verdictOf = (event: CheckedEvent) => ({
  name: event.name,
  layer: event.layer,
  status: event.status,
  violations: event.violations.map(({ code, severity, path }) => ({ code, severity, path })),
});

describe('judging a session the way tagwarden check judges its export', () => {
  it.each([
    ['the shop plan', shopPlan],
    ['the bundled GA4 recommended plan', ga4RecommendedPlan],
  ])(
    'gives the report tagwarden check gives the exported NDJSON, line for line, with %s',
    (_, loadPlanFor) => {
      const plan = loadPlanFor();
      const session = shopSession();
      const panel = analyseSession(session, plan).report;
      const exported = readCapture(sessionToNdjson(session), SESSION_FILE);
      const cli = checkCaptures(exported.records, plan, { inputs: [SESSION_FILE] });
      expect(exported.errors).toEqual([]);
      expect(panel).toEqual(cli);
      expect(panel.summary.invalid).toBeGreaterThan(0);
    },
  );

  it.each([
    ['test/fixtures/captures/shop-journey.har', 'test/fixtures/plans/tagwarden/shop.yaml'],
    ['test/fixtures/captures/content-sites.har', 'shared/plans/ga4-recommended.yaml'],
    ['test/fixtures/captures/datalayer-session.ndjson', 'test/fixtures/plans/tagwarden/shop.yaml'],
  ])('gives an imported %s the verdicts tagwarden check gives the file', (capture, planPath) => {
    const text = readRepoFile(capture);
    const plan = planPath.includes('shop') ? shopPlan() : ga4RecommendedPlan();
    const imported = readSessionFile(text, capture);
    const panel = analyseSession(imported.session, plan).report.events.map(verdictOf);
    const cli = checkCaptures(readCapture(text, capture).records, plan, { inputs: [capture] });
    expect(imported.errors).toEqual([]);
    expect(panel).toEqual(cli.events.map(verdictOf));
    expect(panel.length).toBeGreaterThan(5);
  });

  it('attaches each verdict to the row of the record it came from, one row per event of a batch', () => {
    const { rows, report } = analyseSession(shopSession(), shopPlan());
    expect(rows.map((row) => `${row.id} ${row.layer} ${row.label} ${row.status}`)).toEqual([
      's1 datalayer gtag consent default none',
      's2 datalayer gtm.js none',
      's3 datalayer gtag config G-DEMO000009 none',
      's4 datalayer gtag consent update none',
      's5 datalayer view_item valid',
      's6.0 ga4 page_view unplanned',
      's6.1 ga4 view_item valid',
      's7 datalayer add_to_cart invalid',
      's8 datalayer purchase invalid',
      's9.0 ga4 purchase valid',
      's10.0 sgtm purchase warning',
      's11.0 mirror purchase invalid',
      's12.0 vendor Purchase none',
      's13.0 other cdn.example.test/pixel.gif none',
    ]);
    const judged = rows.flatMap((row) => row.verdicts);
    expect(judged).toEqual(report.events);
  });

  it('keeps what each row needs: key parameters, measurement ID, consent at fire time and personal data', () => {
    const { rows } = analyseSession(shopSession(), shopPlan());
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get('s6.1')?.keyParams).toEqual([
      { key: 'value', value: '20' },
      { key: 'currency', value: 'USD' },
      { key: 'items', value: '[1]' },
    ]);
    expect(byId.get('s6.1')?.measurementId).toBe('G-DEMO000009');
    expect(byId.get('s1')?.consent).toEqual({
      signals: { analytics_storage: 'denied', ad_storage: 'denied' },
      source: 'datalayer',
    });
    // The thank-you route is the same document: the consent granted on the product page holds.
    expect(byId.get('s8')?.consent?.signals.analytics_storage).toBe('granted');
    expect(byId.get('s9.0')?.consent?.source).toBe('hit');
    expect(byId.get('s8')?.pii.map((finding) => `${finding.kind} ${finding.path}`)).toEqual([
      'email /user_email',
    ]);
    expect(byId.get('s12.0')?.vendor).toBe('Meta pixel');
    expect(byId.get('s8')?.scope).toBe(byId.get('s5')?.scope);
  });
});
