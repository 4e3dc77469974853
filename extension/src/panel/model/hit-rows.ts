import { decodeRequest } from '../../../../shared/beacons/decode-request.js';
import type { CapturedRequest } from '../../../../shared/capture/captured-input.js';
import type { CheckedEvent } from '../../../../shared/check/check-report.js';
import type { Ga4Event, VendorBeacon } from '../../../../shared/events/event-types.js';
import { classifyGa4Hit } from '../../../../shared/lineage/classify-ga4-hit.js';
import { findPiiInEvent } from '../../../../shared/pii/find-pii-in-event.js';
import { ga4EventToTestInput } from '../../../../shared/validate/ga4-event-to-test-input.js';
import type { SessionHit } from '../../common/session-types.js';
import { consentOfHit } from './consent-summary.js';
import { keyParams } from './key-params.js';
import { scopeOf, type RowContext } from './row-context.js';
import { rowStatus } from './row-status.js';
import type { TimelineRow } from './timeline-row.js';

const VENDOR_NAMES: Record<string, string> = {
  'universal-analytics': 'Universal Analytics',
  'google-ads': 'Google Ads',
  floodlight: 'Floodlight',
  'meta-pixel': 'Meta pixel',
};

/**
 * The rows of one captured request, decoded by the same `decodeRequest` call `checkCaptures`
 * makes on the same record: one row per GA4 event (a batched body gives several), one per
 * vendor beacon, or one row saying what else it was.
 */
export function buildHitRows(
  context: RowContext,
  hit: SessionHit,
  record: CapturedRequest,
  recordIndex: number,
  verdicts: CheckedEvent[],
): TimelineRow[] {
  const decoded = decodeRequest({
    url: record.url,
    ...(record.body === undefined ? {} : { body: record.body }),
    ...(record.method ? { method: record.method } : {}),
  });
  const base = baseOf(context, hit, record, recordIndex);
  switch (decoded.kind) {
    case 'ga4':
      return decoded.events.map((event, part) =>
        ga4Row(context, base, hit, event, part, verdicts[part]),
      );
    case 'vendor':
      return decoded.beacons.map((beacon, part) => vendorRow(base, hit, beacon, part));
    case 'auxiliary':
      return [otherRow(base, hit, `Google ${decoded.request.kind}`, 'not an event')];
    case 'unrecognised':
      return [otherRow(base, hit, endpointOf(hit.url), 'not recognised')];
  }
}

type RowBase = Pick<
  TimelineRow,
  'recordIndex' | 'seq' | 'time' | 'navigationId' | 'frameId' | 'scope' | 'pageUrl' | 'hitState'
>;

function baseOf(
  context: RowContext,
  hit: SessionHit,
  record: CapturedRequest,
  recordIndex: number,
): RowBase {
  return {
    recordIndex,
    seq: hit.seq,
    time: hit.time,
    navigationId: hit.navigationId,
    frameId: hit.frameId,
    scope: scopeOf(context, hit.navigationId),
    pageUrl: record.pageUrl ?? '',
    hitState: hit.state,
  };
}

function ga4Row(
  context: RowContext,
  base: RowBase,
  hit: SessionHit,
  event: Ga4Event,
  part: number,
  verdict: CheckedEvent | undefined,
): TimelineRow {
  const input = ga4EventToTestInput(event);
  const consent = consentOfHit(event.consent) ?? context.consentByScope.get(base.scope);
  const verdicts = verdict === undefined ? [] : [verdict];
  return {
    ...base,
    id: `s${hit.seq}.${part}`,
    pageUrl: event.page.location ?? base.pageUrl,
    layer: classifyGa4Hit(event),
    label: event.name ?? '(no event name)',
    eventName: event.name,
    status: rowStatus(verdicts),
    verdicts,
    keyParams: keyParams(input.properties),
    ...(event.ids.measurementId ? { measurementId: event.ids.measurementId } : {}),
    vendor: 'GA4',
    ...(consent === undefined ? {} : { consent }),
    pii: findPiiInEvent(input).filter((finding) => !finding.isHashed),
    source: { kind: 'ga4', hit, event, input },
  };
}

function vendorRow(
  base: RowBase,
  hit: SessionHit,
  beacon: VendorBeacon,
  part: number,
): TimelineRow {
  return {
    ...base,
    id: `s${hit.seq}.${part}`,
    layer: 'vendor',
    label: beacon.name ?? '(no event name)',
    eventName: beacon.name,
    status: 'none',
    verdicts: [],
    keyParams: keyParams(beacon.params),
    ...(beacon.accountId ? { measurementId: beacon.accountId } : {}),
    vendor: VENDOR_NAMES[beacon.vendor] ?? beacon.vendor,
    pii: [],
    source: { kind: 'vendor', hit, beacon },
  };
}

function otherRow(base: RowBase, hit: SessionHit, label: string, description: string): TimelineRow {
  return {
    ...base,
    id: `s${hit.seq}.0`,
    layer: 'other',
    label,
    eventName: null,
    status: 'none',
    verdicts: [],
    keyParams: [],
    vendor: 'other',
    pii: [],
    source: { kind: 'other', hit, description },
  };
}

function endpointOf(url: string): string {
  const withoutQuery = url.split(/[?#]/)[0] ?? url;
  return withoutQuery.replace(/^[a-z]+:\/\//i, '');
}
