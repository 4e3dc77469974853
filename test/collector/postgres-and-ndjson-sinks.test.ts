import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { NdjsonSink } from '../../collector/sinks/ndjson-sink.js';
import { PostgresSink } from '../../collector/sinks/postgres-sink.js';
import { splitUrl } from '../../shared/text/split-url.js';
import { A26 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import {
  createScratchDatabase,
  postgresSkipReason,
} from '../warehouse/postgres-scratch-database.js';
import {
  SHARED_BATCH_QUERY,
  batchBody,
  hitQuery,
  startTestCollector,
} from './collector-harness.js';

const skipReason = await postgresSkipReason();
const scratch = mkdtempSync(join(tmpdir(), 'tagwarden-sinks-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(skipReason !== undefined)('the collector writing to real PostgreSQL', () => {
  it('creates the schema, stores hits and batches once each, and serves the flat views', async () => {
    const database = await createScratchDatabase();
    try {
      const collector = await startTestCollector({ sink: new PostgresSink(database.url) });
      const ids = ['pg-1', 'pg-2', 'pg-3'];
      expect((await fetch(`${collector.url}/g/collect?${hitQuery('pg-0')}`)).status).toBe(200);
      const batch = { method: 'POST', body: batchBody(ids) };
      expect((await fetch(`${collector.url}/g/collect?${SHARED_BATCH_QUERY}`, batch)).status).toBe(
        204,
      );
      expect((await fetch(`${collector.url}/g/collect?${SHARED_BATCH_QUERY}`, batch)).status).toBe(
        204,
      );
      const real = { method: 'POST', body: A26.body };
      expect(
        (await fetch(`${collector.url}/g/collect?${splitUrl(A26.url).query}`, real)).status,
      ).toBe(204);
      expect(await collector.stop()).toBe(true);
      collector.remove();

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const stored = await client.query(
          'SELECT event_id, count(*)::int AS n FROM events GROUP BY 1 ORDER BY 1',
        );
        expect(stored.rows.filter((row) => String(row.event_id).startsWith('pg-'))).toEqual(
          ['pg-0', ...ids].map((id) => ({ event_id: id, n: 1 })),
        );
        const flat = await client.query(
          "SELECT event_name, engagement_time_msec FROM events_flat WHERE event_name IN ('scroll', 'page_view') ORDER BY 1",
        );
        expect(flat.rows).toEqual([
          { event_name: 'page_view', engagement_time_msec: '944' },
          { event_name: 'scroll', engagement_time_msec: '30' },
        ]);
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });
});

describe('the NDJSON sink', () => {
  it('writes one whole file per segment, and a replayed segment rewrites it instead of adding a copy', async () => {
    const directory = join(scratch, 'ndjson');
    const collector = await startTestCollector({ sink: new NdjsonSink(directory) });
    const response = await fetch(`${collector.url}/g/collect?${SHARED_BATCH_QUERY}`, {
      method: 'POST',
      body: batchBody(['nd-1', 'nd-2']),
    });
    expect(response.status).toBe(204);
    await collector.stop();
    collector.remove();

    const files = readdirSync(directory).filter((name) => name.endsWith('.ndjson'));
    expect(files).toHaveLength(1);
    const lines = readFileSync(join(directory, files[0]!), 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { event_id: string }).event_id)).toEqual([
      'nd-1',
      'nd-2',
    ]);

    const sink = new NdjsonSink(directory);
    const segmentPath = join(scratch, 'seg-replayed.ndjson');
    writeFileSync(segmentPath, `${lines.join('\n')}\n${lines[0]}\n`);
    const id = files[0]!.replace(/^events-|\.ndjson$/g, '');
    expect(await sink.writeSegment({ id, path: segmentPath })).toBe(2);
    expect(readdirSync(directory).filter((name) => name.endsWith('.ndjson'))).toEqual(files);
  });
});
