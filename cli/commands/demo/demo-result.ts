import type { CheckReport } from '../../../shared/check/check-report.js';
import type { ConsentFindings } from './find-consent-findings.js';
import type { LineageGap } from './find-lineage-gaps.js';
import type { WarehouseContents } from './read-warehouse.js';

/** How many records each layer of the journey held. */
export interface LayerCounts {
  /** Every message pushed to a dataLayer (consent commands, clears, GTM's own events too). */
  dataLayerPushes: number;
  /** Pushes that named an event of the site's own (not `gtm.*`). */
  dataLayerEvents: number;
  ga4Hits: number;
  ga4Events: number;
  /** The web mirror's copies the page sent towards the collector. */
  mirrorEvents: number;
  warehouseRows: number;
}

/** Everything one walk of the demo found: data that the text, HTML, JSON and JUnit reports render. */
export interface DemoResult {
  journey: string;
  browser: 'headless' | 'headful';
  shopUrl: string;
  collectorUrl: string;
  counts: LayerCounts;
  check: CheckReport;
  gaps: LineageGap[];
  consent: ConsentFindings;
  warehouse: WarehouseContents;
  /** What did not settle in time (the report is still written with what arrived). */
  notices: string[];
}
