import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { Ga4Event } from '../../shared/events/event-types.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import type { MirrorContext, MirrorRow } from '../../shared/warehouse/mirror-row.js';
import type { Capture } from '../ga4/fixtures/capture.js';

/** A fixed receive time (2025-03-14 15:09:26.535 UTC), so dates and timestamps are pinned. */
export const RECEIVED_AT = Date.UTC(2025, 2, 14, 15, 9, 26, 535);

export const collectorContext: MirrorContext = { source: 'collector', receivedAt: RECEIVED_AT };

/** The GA4 events of a corpus capture, decoded exactly as `tagwarden decode` does. */
export function decodeCapture(capture: Capture): Ga4Event[] {
  const decoded = decodeRequest(
    {
      url: capture.url,
      ...(capture.body === undefined ? {} : { body: capture.body }),
      ...(capture.method === undefined ? {} : { method: capture.method }),
    },
    { pasted: capture.isPasted === true },
  );
  if (decoded.kind !== 'ga4') {
    throw new Error(`${capture.id} does not decode as GA4 (${decoded.kind})`);
  }
  return decoded.events;
}

/** Mirror rows of every named event of a capture. */
export function rowsOf(capture: Capture, context: MirrorContext = collectorContext): MirrorRow[] {
  return decodeCapture(capture).flatMap((event) => {
    const row = ga4EventToMirrorRow(event, context);
    return row === null ? [] : [row];
  });
}

/** The one row of a single-event capture. */
export function rowOf(capture: Capture, context: MirrorContext = collectorContext): MirrorRow {
  const [row, ...others] = rowsOf(capture, context);
  if (row === undefined || others.length > 0) {
    throw new Error(`${capture.id} should give exactly one row`);
  }
  return row;
}

/** The typed value of one event parameter, or undefined when the row lacks it. */
export function paramOf(
  row: MirrorRow,
  key: string,
): MirrorRow['event_params'][number]['value'] | undefined {
  return row.event_params.find((param) => param.key === key)?.value;
}

/** A parameter cell with only `field` set. */
export function cellWith(
  field: 'string_value' | 'int_value' | 'double_value',
  value: string | number,
): MirrorRow['event_params'][number]['value'] {
  return {
    string_value: null,
    int_value: null,
    float_value: null,
    double_value: null,
    [field]: value,
  };
}
