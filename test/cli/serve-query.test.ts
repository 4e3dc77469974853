import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCollector } from '../collector/collector-process.js';
import { hitQuery } from '../collector/collector-harness.js';
import { parseStdout, runCli } from './run-cli.js';

const directory = mkdtempSync(join(tmpdir(), 'tagwarden-serve-cli-'));
const databaseFile = join(directory, 'events.duckdb');

beforeAll(async () => {
  const collector = await spawnCollector(['--db', databaseFile]);
  for (const id of ['cli-1', 'cli-2']) {
    const response = await fetch(
      `${collector.url}/g/collect?${hitQuery(id, '&dl=https%3A%2F%2Fshop.example%2F')}`,
    );
    expect(response.status).toBe(200);
  }
  collector.child.kill('SIGTERM');
  expect(await collector.exited).toBe(0);
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('tagwarden query', () => {
  it('prints rows of the DuckDB file the collector wrote as JSON', () => {
    const run = runCli([
      'query',
      'SELECT event_id, event_name, page_location FROM events_flat ORDER BY event_id',
      '--db',
      databaseFile,
      '--format',
      'json',
    ]);
    expect(run.status).toBe(0);
    expect(parseStdout(run)).toEqual([
      { event_id: 'cli-1', event_name: 'test_event', page_location: 'https://shop.example/' },
      { event_id: 'cli-2', event_name: 'test_event', page_location: 'https://shop.example/' },
    ]);
  });

  it('prints a table with a header and the row count by default', () => {
    const run = runCli([
      'query',
      'SELECT event_name, count(*) AS events FROM events GROUP BY 1',
      '--db',
      databaseFile,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'event_name  events',
      '----------  ------',
      'test_event  2',
    ]);
    expect(run.stdout).toContain('(1 row)');
  });

  it.each([
    [
      'a missing DuckDB file',
      ['query', 'SELECT 1', '--db', join(directory, 'none.duckdb')],
      'no DuckDB file at',
    ],
    [
      'SQL that fails',
      ['query', 'SELECT * FROM nowhere', '--db', databaseFile],
      'the query failed',
    ],
    [
      'a write to the read-only file',
      ['query', 'DELETE FROM events', '--db', databaseFile],
      'the query failed',
    ],
  ])('exits 2 on %s, naming the problem and a next step', (_label, args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('→');
  });
});

describe('tagwarden serve', () => {
  it.each([
    ['two warehouses', ['serve', '--db', 'a.duckdb', '--ndjson', 'out'], 'choose one warehouse'],
    ['a bad port', ['serve', '--port', 'eighty'], '--port must be a whole number'],
    [
      'a bad PostgreSQL URL',
      ['serve', '--postgres', 'localhost/db'],
      '--postgres needs a postgres:// URL',
    ],
    ['a reserved collect path', ['serve', '--collect-path', '/metrics'], 'is not a usable path'],
  ])('refuses %s before starting', (_label, args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('documents its options and the README in --help', () => {
    const run = runCli(['serve', '--help']);
    expect(run.status).toBe(0);
    for (const option of [
      '--db',
      '--postgres',
      '--clickhouse',
      '--ndjson',
      '--token',
      '--allow-origin',
      '--log-level',
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain('collector/README.md');
  });
});
