import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_BATCH_QUERY, batchBody, queryDuckDb } from './collector-harness.js';
import { spawnCollector } from './collector-process.js';

const directory = mkdtempSync(join(tmpdir(), 'tagwarden-crash-'));
const databaseFile = join(directory, 'events.duckdb');

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** POSTs one batch; resolves with the status, or 0 when the connection died. */
function post(url: string, body: string, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(
      `${url}/g/collect?${SHARED_BATCH_QUERY}`,
      { method: 'POST', agent },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end(body);
  });
}

describe('nothing acknowledged is lost', () => {
  it('has every acknowledged event exactly once after a SIGKILL mid-load and a restart', async () => {
    // Segments close every 500 rows and load while the load goes on; the open one can only
    // reach the warehouse through the spool replay after the restart.
    const first = await spawnCollector([
      '--db',
      databaseFile,
      '--batch-rows',
      '500',
      '--batch-ms',
      '60000',
    ]);
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const acknowledged: string[] = [];
    let sent = 0;
    let isKilled = false;

    const worker = async (workerIndex: number): Promise<void> => {
      for (let batch = 0; !isKilled && batch < 2000; batch++) {
        const ids = Array.from({ length: 5 }, (_, line) => `w${workerIndex}-b${batch}-l${line}`);
        sent += ids.length;
        const status = await post(first.url, batchBody(ids), agent);
        if (status === 204) acknowledged.push(...ids);
      }
    };
    const killer = (async () => {
      while (acknowledged.length < 1500) await new Promise((resolve) => setTimeout(resolve, 5));
      isKilled = true;
      first.child.kill('SIGKILL');
    })();
    await Promise.all([killer, ...Array.from({ length: 8 }, (_, index) => worker(index))]);
    agent.destroy();
    expect(await first.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(1500);
    const leftovers = readdirSync(`${databaseFile}.spool`).filter((name) =>
      name.startsWith('seg-'),
    );
    expect(leftovers.length).toBeGreaterThan(0);

    const second = await spawnCollector(['--db', databaseFile]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const rows = await queryDuckDb(
      databaseFile,
      'SELECT event_id, count(*) AS n FROM events GROUP BY event_id',
    );
    const counts = new Map(rows.map((row) => [String(row.event_id), Number(row.n)]));
    const missing = acknowledged.filter((id) => counts.get(id) !== 1);
    expect(missing).toEqual([]);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(counts.size).toBeLessThanOrEqual(sent);
  }, 120_000);
});
