import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectorDefaults } from '../../collector/collector-options.js';
import { DuckDbSink } from '../../collector/sinks/duckdb-sink.js';
import { startCollector, type RunningCollector } from '../../collector/start-collector.js';
import { createFetchNetwork } from '../../gtm-template/sandbox/apis/fetch-network.js';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import { eventDataToMirrorRow } from '../../shared/warehouse/event-data-to-mirror-row.js';
import { A28 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { encodeGtagHit } from './encode-gtag-hit.js';
import {
  completionsOf,
  MIRROR_TEST_TIME,
  runServerMirror,
  runWebMirror,
} from './mirror-runtime.js';
import { purchaseEventData } from './server-event-data.js';
import { mirrorSetupFor, thirtyItemPurchase, type MirrorSetup } from './web-mirror-setups.js';

const TOKEN = 'e2e-mirror-token';

let directory: string;
let databaseFile: string;
let collector: RunningCollector | undefined;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'tagwarden-mirror-e2e-'));
  databaseFile = join(directory, 'events.duckdb');
  collector = await startCollector({
    ...collectorDefaults,
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    sink: new DuckDbSink(databaseFile, 1),
    spoolDirectory: join(directory, 'spool'),
    logLevel: 'silent',
    batchMaxMs: 50,
    shutdownSeconds: 20,
  });
});

afterAll(async () => {
  await collector?.close();
  rmSync(directory, { recursive: true, force: true });
});

/** The mirror set up for a GA4 event, pointed at the loopback collector. */
function liveSetup(url: string): MirrorSetup {
  const decoded = decodeRequest({ url });
  if (decoded.kind !== 'ga4') throw new Error(`${url} is not GA4`);
  const setup = mirrorSetupFor(decoded.events[0]!, 'GS2');
  return { ...setup, data: { ...setup.data, endpoint: `${collector!.url}/g/collect` } };
}

async function rowsInWarehouse(): Promise<Array<Record<string, unknown>>> {
  await collector?.close();
  collector = undefined;
  const instance = await DuckDBInstance.create(databaseFile, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      'SELECT event_id, event_name, source, template_version, user_pseudo_id, items, ecommerce FROM events ORDER BY event_name',
    );
    connection.closeSync();
    return reader.getRowObjectsJson() as Array<Record<string, unknown>>;
  } finally {
    instance.closeSync();
  }
}

describe('the mirror templates against a running collector on loopback', () => {
  it('store a split web hit, a whole web hit and a server row, queried back from DuckDB', async () => {
    const network = createFetchNetwork();
    const large = liveSetup(encodeGtagHit(thirtyItemPurchase()));
    const small = liveSetup(A28.url);
    const refund = { ...purchaseEventData(), event_name: 'refund', event_id: 'refund-1' };

    const largeRun = await runWebMirror(large.data, large.page, { network });
    // A later moment: event IDs are made of the time and random digits, and the collector
    // stores one row per event ID.
    const smallRun = await runWebMirror(
      { ...small.data, eventName: 'add_payment_info' },
      small.page,
      { network, now: MIRROR_TEST_TIME + 1500 },
    );
    const serverRun = await runServerMirror(
      {
        sendToBigQuery: false,
        sendToHttp: true,
        httpEndpoint: `${collector!.url}/rows`,
        httpToken: TOKEN,
        logType: 'no',
      },
      refund,
      {},
      { network },
    );

    for (const { run } of [largeRun, smallRun, serverRun]) {
      expect(run.errors).toEqual([]);
      expect(run.outcome).toBe('succeeded');
      expect(completionsOf(run)).toEqual({ success: 1, failure: 0 });
    }
    const rows = await rowsInWarehouse();
    expect(rows.map((row) => [row.event_name, row.source, row.template_version])).toEqual([
      ['add_payment_info', 'web_mirror', '1.0.0'],
      ['purchase', 'web_mirror', '1.0.0'],
      ['refund', 'server_mirror', '1.0.0'],
    ]);
    const purchase = rows[1]!;
    expect(purchase.items).toHaveLength(30);
    expect(purchase.user_pseudo_id).toBe('111111121.1700000021');
    // DuckDB hands BIGINT columns to JSON as text.
    expect(purchase.ecommerce).toMatchObject({ transaction_id: 'T_30_ITEMS', unique_items: '30' });
    const typeScriptRefund = eventDataToMirrorRow(refund, {
      source: 'server_mirror',
      receivedAt: MIRROR_TEST_TIME,
    });
    expect(rows[2]!.event_id).toBe(typeScriptRefund?.event_id);
    expect(rows[2]!.items).toHaveLength(2);
  }, 60_000);
});
