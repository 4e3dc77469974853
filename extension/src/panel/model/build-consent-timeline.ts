import { consentOfDataLayer } from './consent-summary.js';
import type { ConsentSummary, TimelineRow } from './timeline-row.js';

/** A moment the consent state was set or seen to change. */
export interface ConsentChange {
  rowId: string;
  time: number;
  pageUrl: string;
  /** `gtag consent default`, `gtag consent update`, or the GA4 hit that first showed a state. */
  label: string;
  source: ConsentSummary['source'];
  consent: ConsentSummary;
}

export interface ConsentTimeline {
  changes: ConsentChange[];
  /** GA4-protocol rows sent while analytics_storage was denied (cookieless pings). */
  sentWhileDenied: TimelineRow[];
}

/**
 * The consent story of a session: every `gtag('consent', …)` command with the state it left,
 * each GA4 hit whose declared state differs from the hit before it, and the hits sent while
 * analytics storage was denied.
 */
export function buildConsentTimeline(rows: readonly TimelineRow[]): ConsentTimeline {
  const changes: ConsentChange[] = [];
  const sentWhileDenied: TimelineRow[] = [];
  let lastHitState = '';

  for (const row of rows) {
    const { source } = row;
    if (source.kind === 'push') {
      for (const step of source.steps) {
        if (step.gtag?.command !== 'consent') continue;
        const consent = consentOfDataLayer(step.consent);
        if (consent === undefined) continue;
        const label = `gtag consent ${step.gtag.consentMode ?? ''}`.trim();
        changes.push({
          rowId: row.id,
          time: row.time,
          pageUrl: row.pageUrl,
          label,
          source: 'datalayer',
          consent,
        });
      }
      continue;
    }
    if (source.kind !== 'ga4' || row.consent === undefined) continue;
    if (row.consent.signals.analytics_storage === 'denied') sentWhileDenied.push(row);
    if (row.consent.source !== 'hit') continue;
    const state = JSON.stringify(row.consent.signals);
    if (state === lastHitState) continue;
    lastHitState = state;
    const label = `${row.label} hit (gcs ${source.event.consent.gcs ?? '–'}, gcd ${source.event.consent.gcd ?? '–'})`;
    changes.push({
      rowId: row.id,
      time: row.time,
      pageUrl: row.pageUrl,
      label,
      source: 'hit',
      consent: row.consent,
    });
  }
  return { changes, sentWhileDenied };
}
