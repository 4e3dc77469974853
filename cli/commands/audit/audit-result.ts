import type { CheckReport } from '../../../shared/check/check-report.js';
import type { ConsentFindings } from '../demo/find-consent-findings.js';
import type { LineageGap } from '../demo/find-lineage-gaps.js';

/** One page the audit saw: a top-frame document (or SPA route) in one of its tabs. */
export interface AuditPage {
  url: string;
  /** `crawl` for pages the crawler opened, or the name of the journey that reached the page. */
  reachedBy: string;
  /** Every message pushed to a dataLayer on the page. */
  pushes: number;
  /** Hits to GA4 (the web mirror's copies left out, as the checked records are). */
  hits: number;
  /** Checked events of the page, and how many of them the plan judged invalid. */
  events: number;
  invalidEvents: number;
}

/** A page the crawler could not load; the audit goes on without it. */
export interface AuditFailure {
  url: string;
  reason: string;
}

/** Everything one audit found: data that every report format renders. */
export interface AuditResult {
  mode: 'crawl' | 'journey';
  startUrls: string[];
  journeys: string[];
  pages: AuditPage[];
  failures: AuditFailure[];
  /** What the capture could not account for (records the extension dropped past its limits). */
  notices: string[];
  check: CheckReport;
  /** Records of each tab that did not reach the next layer (push → GA4 hit → mirror copy). */
  gaps: LineageGap[];
  consent: ConsentFindings;
}
