import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import { readCapture } from '../../shared/capture/read-capture.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import type { MirrorContext, MirrorRow } from '../../shared/warehouse/mirror-row.js';
import { packageRoot } from '../cli/run-cli.js';
import type { Capture } from '../ga4/fixtures/capture.js';
import * as partA from '../ga4/fixtures/part-a-ga4-beacons.js';
import { collectorContext, rowsOf } from './mirror-test-rows.js';

/** Mirror rows of every GA4 event in the bundled captures (`test/fixtures/captures`). */
export function bundledCaptureRows(context: MirrorContext = collectorContext): MirrorRow[] {
  const folder = join(packageRoot, 'test', 'fixtures', 'captures');
  const rows: MirrorRow[] = [];
  for (const file of readdirSync(folder).filter((name) => !name.endsWith('.md'))) {
    const capture = readCapture(readFileSync(join(folder, file), 'utf8'), file);
    for (const record of capture.records) {
      if (record.kind !== 'request') continue;
      const request = {
        url: record.url,
        ...(record.body === undefined ? {} : { body: record.body }),
      };
      const decoded = decodeRequest(request, { pasted: record.isPasted === true });
      if (decoded.kind !== 'ga4') continue;
      for (const event of decoded.events) {
        const row = ga4EventToMirrorRow(event, context);
        if (row !== null) rows.push(row);
      }
    }
  }
  return rows;
}

/** Mirror rows of every GA4 beacon of the corpus (Part A), look-alikes excluded. */
export function corpusRows(): MirrorRow[] {
  const captures = Object.values(partA).filter(
    (value): value is Capture =>
      typeof value === 'object' && value.id !== 'A31' && value.id !== 'A32',
  );
  return captures.flatMap((capture) => {
    try {
      return rowsOf(capture);
    } catch {
      return [];
    }
  });
}

/** Rows with distinct event ids, first one kept: what the warehouse stores. */
export function distinctRows(rows: readonly MirrorRow[]): MirrorRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.event_id) && Boolean(seen.add(row.event_id)));
}
