import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkBundledCaptures,
  jsonReport,
  type CheckJsonReport,
  type ReportedEvent,
} from './check-report-shape.js';
import { rowsNamedBy } from './run-cli.js';

const session = 'test/fixtures/captures/datalayer-session.ndjson';
const shopJourney = 'test/fixtures/captures/shop-journey.har';

let report: CheckJsonReport;
beforeAll(() => {
  report = jsonReport(checkBundledCaptures('--format', 'json'));
});

function eventAt(layer: string, name: string, source: ReportedEvent['source']): ReportedEvent {
  const found = report.events.find(
    (event) =>
      event.layer === layer &&
      event.name === name &&
      event.source.file === source.file &&
      event.source.line === source.line &&
      event.source.entry === source.entry,
  );
  if (!found) throw new Error(`no ${layer} ${name} at ${JSON.stringify(source)} in the report`);
  return found;
}

describe('tagwarden check --format json on the bundled captures', () => {
  it('has the documented top-level keys, the plan and the four inputs', () => {
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'summary',
        'events',
        'otherBeacons',
        'auxiliary',
        'unrecognised',
        'missing',
        'inputErrors',
      ]),
    );
    expect(report.plan).toEqual({ name: 'ga4-recommended', format: 'tagwarden' });
    expect(report.inputs).toEqual([
      'test/fixtures/captures/content-sites.har',
      session,
      'test/fixtures/captures/pasted-urls.txt',
      shopJourney,
    ]);
    expect(report.inputErrors).toEqual([]);
    expect(report.unrecognised).toBe(0);
  });

  it('pins the summary counts', () => {
    expect(report.summary).toEqual({
      events: 36,
      valid: 27,
      invalid: 6,
      unplanned: 3,
      violations: { error: 15, warning: 8, info: 0 },
    });
  });

  it('counts in the summary exactly what the event list holds', () => {
    const { summary, events } = report;
    const withStatus = (status: string) => events.filter((event) => event.status === status);
    const violations = events.flatMap((event) => event.violations);
    const withSeverity = (severity: string) =>
      violations.filter((violation) => violation.severity === severity).length;

    expect(summary.events).toBe(events.length);
    expect(summary.valid).toBe(withStatus('valid').length);
    expect(summary.invalid).toBe(withStatus('invalid').length);
    expect(summary.unplanned).toBe(withStatus('unplanned').length);
    expect(summary.violations).toEqual({
      error: withSeverity('error'),
      warning: withSeverity('warning'),
      info: withSeverity('info'),
    });
  });

  it.each(
    rowsNamedBy('finding', [
      {
        finding: 'a dataLayer purchase with value "99.8" is a type mismatch at /value',
        event: ['datalayer', 'purchase', { file: session, line: 11 }] as const,
        status: 'invalid',
        violation: {
          code: 'type_mismatch',
          severity: 'error',
          path: '/value',
          expected: 'number',
          actual: '99.8',
        },
      },
      {
        finding: 'the same purchase has the string price of its item at /items/0/price',
        event: ['datalayer', 'purchase', { file: session, line: 11 }] as const,
        status: 'invalid',
        violation: { code: 'type_mismatch', path: '/items/0/price', actual: '49.90' },
      },
      {
        finding: 'the same purchase carries an email in customer_email',
        event: ['datalayer', 'purchase', { file: session, line: 11 }] as const,
        status: 'invalid',
        violation: { code: 'pii_suspected', severity: 'error', path: '/customer_email' },
      },
      {
        finding: 'a dataLayer purchase with currency "Rs" is a pattern mismatch at /currency',
        event: ['datalayer', 'purchase', { file: session, line: 13 }] as const,
        status: 'invalid',
        violation: {
          code: 'pattern_mismatch',
          severity: 'error',
          path: '/currency',
          actual: 'Rs',
        },
      },
      {
        finding: 'show_contact_info is unplanned',
        event: ['datalayer', 'show_contact_info', { file: session, line: 14 }] as const,
        status: 'unplanned',
        violation: { code: 'unplanned_event', path: '' },
      },
      {
        finding: 'show_contact_info carries an email',
        event: ['datalayer', 'show_contact_info', { file: session, line: 14 }] as const,
        status: 'unplanned',
        violation: { code: 'pii_suspected', severity: 'error', path: '/email' },
      },
      {
        finding: 'the array-pushed add_to_wishlist is a gtag_array_push error',
        event: ['datalayer', 'add_to_wishlist', { file: session, line: 10 }] as const,
        status: 'invalid',
        violation: { code: 'gtag_array_push', severity: 'error', path: '' },
      },
      {
        finding: 'the GA4 search hit misses search_term',
        event: ['ga4', 'search', { file: shopJourney, entry: 5 }] as const,
        status: 'invalid',
        violation: { code: 'missing_required', severity: 'error', path: '/search_term' },
      },
      {
        finding: 'the second GA4 purchase with transaction T_12345 is a duplicate',
        event: ['ga4', 'purchase', { file: shopJourney, entry: 6 }] as const,
        status: 'invalid',
        violation: { code: 'duplicate_event', severity: 'error', path: '' },
      },
    ]),
  )('%s', (_, { event: [layer, name, source], status, violation }) => {
    const event = eventAt(layer, name, source);

    expect(event.status).toBe(status);
    expect(event.violations).toContainEqual(expect.objectContaining(violation));
  });

  it.each(
    rowsNamedBy('event', [
      {
        event: 'the dataLayer view_item push',
        source: ['datalayer', 'view_item', { file: session, line: 7 }] as const,
      },
      {
        event: 'the gtag add_to_cart call',
        source: ['datalayer', 'add_to_cart', { file: session, line: 9 }] as const,
      },
      {
        event: 'the first GA4 purchase hit',
        source: ['ga4', 'purchase', { file: shopJourney, entry: 4 }] as const,
      },
    ]),
  )('%s is valid with no violation', (_, { source: [layer, name, source] }) => {
    const event = eventAt(layer, name, source);

    expect(event.status).toBe('valid');
    expect(event.violations).toEqual([]);
  });

  it('masks the personal data it reports instead of printing it', () => {
    const run = checkBundledCaptures('--format', 'json');

    for (const personal of ['test@example.com', '+32000000000', 'user@example.com']) {
      expect(run.stdout).not.toContain(personal);
    }
    const email = eventAt('datalayer', 'purchase', { file: session, line: 11 }).violations.find(
      (violation) => violation.path === '/customer_email',
    );
    expect(email?.actual).toBe('t***@example.com');
  });

  it('lists the look-alike Google traffic apart, the doubleclick signals ping among it', () => {
    expect(report.auxiliary).toContainEqual(
      expect.objectContaining({
        kind: 'signals-ping',
        endpoint: 'stats.g.doubleclick.net/g/collect',
      }),
    );
    const signalsPing = { file: shopJourney, entry: 15 };
    expect(report.auxiliary).toContainEqual(expect.objectContaining({ source: signalsPing }));
    expect(report.events.map((event) => event.source)).not.toContainEqual(signalsPing);
  });

  it('lists the other vendors beacons: Meta pixel, Floodlight, Google Ads, Universal Analytics', () => {
    const vendors = new Set(report.otherBeacons.map((beacon) => beacon.vendor));

    expect([...vendors].sort()).toEqual([
      'floodlight',
      'google-ads',
      'meta-pixel',
      'universal-analytics',
    ]);
    expect(report.otherBeacons).toContainEqual(
      expect.objectContaining({ vendor: 'meta-pixel', name: 'Purchase', accountId: '123456' }),
    );
  });

  it('names the planned events no capture carried, per layer', () => {
    const missing = new Map(report.missing.map((event) => [event.name, event.layers]));

    expect(missing.get('add_payment_info')).toEqual(['datalayer', 'ga4']);
    expect(missing.get('add_to_wishlist')).toEqual(['ga4']);
    expect(missing.has('view_item')).toBe(false);
  });
});
