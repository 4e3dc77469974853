import type { CheckReport, CheckedEvent } from '../../shared/check/check-report.js';
import type { Layer, Violation } from '../../shared/events/event-types.js';
import type { ConsentFindings } from '../../cli/commands/demo/find-consent-findings.js';

let entry = 0;

/** A checked event as `checkCaptures` makes them, from the extension's tab 7. */
export function checkedEvent(
  name: string | null,
  layer: Layer,
  violations: Array<Partial<Violation> & Pick<Violation, 'code'>> = [],
  status?: CheckedEvent['status'],
): CheckedEvent {
  entry += 1;
  const full = violations.map((violation) => ({
    severity: 'error' as const,
    path: '',
    message: `${violation.code} in ${name ?? '(none)'}`,
    ...violation,
  }));
  const hasError = full.some((violation) => violation.severity === 'error');
  return {
    name,
    layer,
    status: status ?? (hasError ? 'invalid' : 'valid'),
    violations: full,
    source: { file: 'extension tab 7', entry },
    page: 'http://127.0.0.1:8080/checkout',
  };
}

/** A check report around the given events, summarised as `checkCaptures` summarises. */
export function checkReportOf(
  events: CheckedEvent[],
  missing: CheckReport['missing'] = [],
): CheckReport {
  const count = (status: CheckedEvent['status']) =>
    events.filter((event) => event.status === status).length;
  const violations = events.flatMap((event) => event.violations);
  return {
    plan: { name: 'ga4-recommended', format: 'tagwarden' },
    inputs: ['extension tab 7'],
    summary: {
      events: events.length,
      valid: count('valid'),
      invalid: count('invalid'),
      unplanned: count('unplanned'),
      violations: {
        error: violations.filter((violation) => violation.severity === 'error').length,
        warning: violations.filter((violation) => violation.severity === 'warning').length,
        info: violations.filter((violation) => violation.severity === 'info').length,
      },
    },
    events,
    otherBeacons: [],
    auxiliary: [],
    unrecognised: 0,
    missing,
    inputErrors: [],
  };
}

/** The demo shop's consent story: two hits before the visitor agreed, neither mirrored. */
export function consentBeforeGrant(name = 'page_view'): ConsentFindings {
  const hit = {
    time: 1_000,
    page: 'http://127.0.0.1:8080/',
    gcs: 'G100',
    adStorage: 'denied' as const,
    isBeforeGrant: true,
    isMirrored: false,
  };
  return {
    hitsByState: { granted: 14, denied: 2, unset: 0, unknown: 0 },
    deniedHits: [
      { ...hit, name },
      { ...hit, name: 'view_item_list' },
    ],
    mirror: { copies: 14, deniedCopies: 0, deniedCopiesWithIdentifiers: 0, verdict: 'respected' },
  };
}
