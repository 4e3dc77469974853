import type { ReplayConsentState } from '../../../../shared/datalayer/index.js';
import type { DecodedConsent } from '../../../../shared/events/event-types.js';
import {
  CONSENT_SIGNALS,
  type ConsentState,
  type ConsentSignalName,
  type ConsentSummary,
} from './timeline-row.js';

/** The consent a GA4 hit declares in gcs/gcd; undefined when it carries neither. */
export function consentOfHit(consent: DecodedConsent): ConsentSummary | undefined {
  const signals: Partial<Record<ConsentSignalName, ConsentState>> = {};
  for (const name of CONSENT_SIGNALS) {
    const signal = consent[name];
    if (signal !== undefined) signals[name] = signal.effective;
  }
  return Object.keys(signals).length === 0 ? undefined : { signals, source: 'hit' };
}

/** The consent `gtag('consent', …)` commands left in a page's dataLayer; undefined before any. */
export function consentOfDataLayer(state: ReplayConsentState): ConsentSummary | undefined {
  const signals: Partial<Record<ConsentSignalName, ConsentState>> = {};
  for (const name of CONSENT_SIGNALS) {
    const signal = Object.hasOwn(state.signals, name) ? state.signals[name] : undefined;
    if (signal !== undefined) signals[name] = signal.effective;
  }
  return Object.keys(signals).length === 0 ? undefined : { signals, source: 'datalayer' };
}

/** `analytics ✓ · ads ✗` style text: the two storage signals testers check first. */
export function describeConsent(summary: ConsentSummary | undefined): string {
  if (summary === undefined) return '';
  const mark = (state: ConsentState | undefined) =>
    state === 'granted' ? 'granted' : state === 'denied' ? 'denied' : (state ?? 'unset');
  return `analytics ${mark(summary.signals.analytics_storage)} · ads ${mark(summary.signals.ad_storage)}`;
}
