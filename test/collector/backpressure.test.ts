import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDbSink } from '../../collector/sinks/duckdb-sink.js';
import {
  SHARED_BATCH_QUERY,
  batchBody,
  hitQuery,
  queryDuckDb,
  startTestCollector,
  type TestCollector,
} from './collector-harness.js';
import { SwitchableSink } from './switchable-sink.js';

let collector: TestCollector | undefined;

afterEach(async () => {
  await collector?.stop();
  collector?.remove();
  collector = undefined;
});

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function scratchSink(): { sink: SwitchableSink; file: string; directory: string } {
  const directory = mkdtempSync(join(tmpdir(), 'tagwarden-sink-'));
  const file = join(directory, 'events.duckdb');
  return { sink: new SwitchableSink(new DuckDbSink(file, 1)), file, directory };
}

describe('backpressure and recovery', () => {
  it('spools while the warehouse is down, refuses with 503 and Retry-After past the limit, then recovers', async () => {
    const { sink, file, directory } = scratchSink();
    const running = await startTestCollector({ sink, spoolLimitBytes: 40 * 1024, batchMaxMs: 20 });
    collector = running;
    sink.isDown = true;

    const accepted: string[] = [];
    let refused: Response | undefined;
    for (let index = 0; index < 400 && refused === undefined; index++) {
      const response = await fetch(`${running.url}/g/collect?${hitQuery(`down-${index}`)}`);
      if (response.status === 200) accepted.push(`down-${index}`);
      else refused = response;
    }
    expect(accepted.length).toBeGreaterThan(5);
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('retry-after')).toBe('5');
    expect(((await refused?.json()) as { reason: string }).reason).toContain('retry later');
    const notReady = await fetch(`${running.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ isSinkUp: false });

    sink.isDown = false;
    await waitFor(async () => (await fetch(`${running.url}/readyz`)).status === 200, 'readiness');
    const after = await fetch(`${running.url}/g/collect?${hitQuery('after-recovery')}`);
    expect(after.status).toBe(200);
    await running.stop();

    const rows = await queryDuckDb(
      file,
      'SELECT event_id, count(*) AS n FROM events GROUP BY event_id',
    );
    const counts = new Map(rows.map((row) => [row.event_id, Number(row.n)]));
    for (const id of [...accepted, 'after-recovery']) {
      expect(counts.get(id)).toBe(1);
    }
    expect(counts.size).toBe(accepted.length + 1);
    rmSync(directory, { recursive: true, force: true });
  });

  it('stores the rest of a batch the warehouse refuses, keeping the refused row in the dead-letter file', async () => {
    const { sink, file, directory } = scratchSink();
    sink.poisonMarker = 'poison-row';
    const running = await startTestCollector({ sink, batchMaxMs: 20 });
    collector = running;
    const ids = ['fine-1', 'poison-row', 'fine-2', 'fine-3'];
    const response = await fetch(`${running.url}/g/collect?${SHARED_BATCH_QUERY}`, {
      method: 'POST',
      body: batchBody(ids),
    });
    expect(response.status).toBe(204);
    await running.stop();

    const rows = await queryDuckDb(file, 'SELECT event_id FROM events ORDER BY event_id');
    expect(rows.map((row) => row.event_id)).toEqual(['fine-1', 'fine-2', 'fine-3']);
    const deadLetter = readFileSync(
      join(collector.directory, 'spool', 'dead-letter.ndjson'),
      'utf8',
    );
    expect(deadLetter).toContain('"event_id":"poison-row"');
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers every part of a split hit 408 when a part never arrives', async () => {
    collector = await startTestCollector({ splitTimeoutMs: 200 });
    const response = await fetch(
      `${collector.url}/g/collect?tw_msg=lost&tw_part=1/2&tw_data=v%3D2`,
    );
    expect(response.status).toBe(408);
    const metrics = await (await fetch(`${collector.url}/metrics`)).text();
    expect(metrics).toContain('tagwarden_split_messages_expired_total 1');
  });
});
