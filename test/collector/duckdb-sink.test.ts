import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { sparseRowJson } from '../../collector/pipeline/sparse-row-json.js';
import { DuckDbSink } from '../../collector/sinks/duckdb-sink.js';
import { decodeCollectPayload } from '../../shared/ga4/decode-collect-hit.js';
import { splitUrl } from '../../shared/text/split-url.js';
import { mirrorDdl } from '../../shared/warehouse/ddl/mirror-ddl.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import type { MirrorRow } from '../../shared/warehouse/mirror-row.js';
import { packageRoot } from '../cli/run-cli.js';
import { A26, A28 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { queryDuckDb } from './collector-harness.js';
import { spawnCollector } from './collector-process.js';

const directory = mkdtempSync(join(tmpdir(), 'tagwarden-duckdb-sink-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let fileCount = 0;

/** A rows file of the given lines, named like the loader names them. */
function rowsFile(lines: readonly string[]): { id: string; path: string } {
  fileCount += 1;
  const id = `seg-1700000000000-${String(fileCount).padStart(6, '0')}`;
  const path = join(directory, `rows-${id}.ndjson`);
  writeFileSync(path, lines.map((line) => `${line}\n`).join(''));
  return { id, path };
}

/** The smallest row the table takes: its required columns, and a name to tell copies apart. */
function row(eventId: string, eventName: string): string {
  return JSON.stringify({
    event_date: '20231114',
    event_timestamp: 1_700_000_000_000_000,
    event_name: eventName,
    event_id: eventId,
    source: 'collector',
    received_at: '2023-11-14T22:13:20.000Z',
  });
}

function scratchFile(name: string): string {
  return join(directory, `${name}.duckdb`);
}

async function storedNames(file: string): Promise<Record<string, string[]>> {
  const rows = await queryDuckDb(
    file,
    'SELECT event_id, list(event_name ORDER BY event_name) AS names FROM events GROUP BY 1',
  );
  return Object.fromEntries(rows.map((stored) => [stored.event_id, stored.names as string[]]));
}

describe('the DuckDB sink', () => {
  it('stores each event_id once: rows stored before and later copies in one load are skipped, the first copy kept', async () => {
    const file = scratchFile('dedupe');
    const sink = new DuckDbSink(file, 1);
    await sink.open();
    const first = rowsFile([row('a', 'first a'), row('b', 'first b'), row('a', 'second a')]);
    const second = rowsFile([row('b', 'second b'), row('c', 'first c')]);
    expect(await sink.writeSegments([first, second])).toBe(3);
    expect(await sink.writeSegment(rowsFile([row('c', 'second c'), row('d', 'first d')]))).toBe(1);
    expect(await sink.writeLines([row('d', 'second d'), row('e', 'first e')])).toBe(1);
    expect(await sink.writeSegments([first, second])).toBe(0);
    await sink.close();

    expect(await storedNames(file)).toEqual({
      a: ['first a'],
      b: ['first b'],
      c: ['first c'],
      d: ['first d'],
      e: ['first e'],
    });
  });

  it('stores sparse rows exactly as the full rows they were written from', async () => {
    const rows = [A26, A28].flatMap((capture) =>
      decodeCollectPayload(
        splitUrl(capture.url).query,
        capture.body === '' ? undefined : capture.body,
        'collector/g/collect',
      )
        .map((event) => ga4EventToMirrorRow(event, { source: 'collector', receivedAt: 1.7e12 }))
        .filter((built): built is MirrorRow => built !== null),
    );
    const tables: unknown[] = [];
    for (const [name, write] of [
      ['full', JSON.stringify],
      ['sparse', sparseRowJson],
    ] as const) {
      const file = scratchFile(name);
      const sink = new DuckDbSink(file, 1);
      await sink.open();
      expect(await sink.writeSegments([rowsFile(rows.map((built) => write(built)))])).toBe(
        rows.length,
      );
      await sink.close();
      tables.push(await queryDuckDb(file, 'SELECT * FROM events ORDER BY event_id'));
    }
    expect(rows.some((built) => built.items.length > 0)).toBe(true);
    expect(tables[1]).toEqual(tables[0]);
  });

  it('loads into a file made with the primary key of earlier versions, each id once', async () => {
    const file = scratchFile('with-key');
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run(mirrorDdl('duckdb')[0]!);
    connection.closeSync();
    instance.closeSync();

    const sink = new DuckDbSink(file, 1);
    await sink.open();
    const batch = rowsFile([row('k1', 'first k1'), row('k1', 'second k1'), row('k2', 'first k2')]);
    expect(await sink.writeSegments([batch])).toBe(2);
    expect(await sink.writeSegments([batch, rowsFile([row('k3', 'first k3')])])).toBe(1);
    await sink.close();
    expect(await storedNames(file)).toEqual({
      k1: ['first k1'],
      k2: ['first k2'],
      k3: ['first k3'],
    });
  });
});

describe('the DuckDB sink in the compiled collector', () => {
  const compiled = join(packageRoot, 'dist', 'collector', 'sinks', 'duckdb-sink.js');

  async function compiledSink(file: string): Promise<DuckDbSink> {
    if (!existsSync(compiled)) {
      throw new Error(`${compiled} is missing: run \`npm run build\` before these tests.`);
    }
    const module = (await import(pathToFileURL(compiled).href)) as {
      DuckDbSink: new (file: string) => DuckDbSink;
    };
    return new module.DuckDbSink(file);
  }

  it('runs DuckDB on a thread of its own', async () => {
    const file = scratchFile('threaded');
    const sink = await compiledSink(file);
    expect(sink.isThreaded).toBe(true);
    await sink.open();
    await sink.ping();
    expect(await sink.writeSegments([rowsFile([row('t1', 'first t1'), row('t1', 'again')])])).toBe(
      1,
    );
    expect(await sink.writeLines([row('t2', 'first t2')])).toBe(1);
    await sink.close();
    expect(await storedNames(file)).toEqual({ t1: ['first t1'], t2: ['first t2'] });
  });

  it('stops its thread when the file cannot be opened, so tagwarden serve exits with the reason', async () => {
    const notADirectory = join(directory, 'not-a-directory');
    writeFileSync(notADirectory, '');
    const file = join(notADirectory, 'events.duckdb');
    const sink = await compiledSink(file);
    await expect(sink.open()).rejects.toThrow(/not-a-directory/);
    await expect(sink.ping()).rejects.toThrow(/closed/);

    await expect(spawnCollector(['--db', file])).rejects.toThrow(/exited \(2\)[^]*not-a-directory/);
  }, 30_000);
});
