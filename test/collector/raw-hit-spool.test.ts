import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { countHitEvents } from '../../collector/http/count-hit-events.js';
import { buildSegmentRows } from '../../collector/pipeline/build-segment-rows.js';
import { rawHitLine, readRawHit, type RawHit } from '../../collector/pipeline/raw-hit.js';
import type { RowBuilder } from '../../collector/pipeline/row-builder.js';
import { decodeCollectPayload } from '../../shared/ga4/decode-collect-hit.js';
import { splitUrl } from '../../shared/text/split-url.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import { packageRoot } from '../cli/run-cli.js';
import { A26, A28 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { expectPrototypeUntouched, mutatedText, randomBody } from '../ga4/fuzz-arbitraries.js';
import { SHARED_BATCH_QUERY, batchBody, hitQuery } from './collector-harness.js';

const directory = mkdtempSync(join(tmpdir(), 'tagwarden-raw-spool-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const context = { source: 'collector' as const, receivedAt: 1_700_000_000_000 };

/** What the full decoder and row builder make of a hit: the count the quick check must match. */
function builtRowCount(query: string, body: string | undefined): number {
  return decodeCollectPayload(query, body, 'collector/g/collect').filter(
    (event) => ga4EventToMirrorRow(event, context) !== null,
  ).length;
}

function hit(overrides: Partial<RawHit> = {}): RawHit {
  return {
    method: 'POST',
    path: '/g/collect',
    query: SHARED_BATCH_QUERY,
    body: batchBody(['spooled-1', 'spooled-2']),
    receivedAt: 1_700_000_000_000,
    source: 'web_mirror',
    templateVersion: '1.2.0',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    events: 2,
    ...overrides,
  };
}

describe('the quick check on the request thread', () => {
  it.each([
    ['one GET event', hitQuery('a'), undefined, { named: 1, unnamed: 0 }],
    ['a batch of two', SHARED_BATCH_QUERY, batchBody(['a', 'b']), { named: 2, unnamed: 0 }],
    ['a line without en', SHARED_BATCH_QUERY, 'en=a\r\nepn.n=3', { named: 1, unnamed: 1 }],
    [
      'a line inheriting en',
      `${SHARED_BATCH_QUERY}&en=shared`,
      'epn.n=3',
      { named: 1, unnamed: 0 },
    ],
    [
      'a line blanking en',
      `${SHARED_BATCH_QUERY}&en=shared`,
      'en=&epn.n=3',
      { named: 0, unnamed: 1 },
    ],
    ['an escaped key', 'v=2&tid=G-X&e%6E=page_view', undefined, { named: 1, unnamed: 0 }],
    ['no name at all', 'v=2&tid=G-X', undefined, { named: 0, unnamed: 1 }],
  ])('counts %s as the decoder does', (_label, query, body, expected) => {
    expect(countHitEvents(query, body)).toMatchObject(expected);
    expect(countHitEvents(query, body).named).toBe(builtRowCount(query, body));
  });

  it.each([
    ['v=1&tid=UA-1-1&t=pageview', { isUniversal: true }],
    ['v=2&en=page_view', { isUniversal: false, hasMeasurementId: false }],
    ['v=2&tid=&en=page_view', { hasMeasurementId: true }],
  ])('reads v and tid of %s', (query, expected) => {
    expect(countHitEvents(query, undefined)).toMatchObject(expected);
  });

  it('counts the real A26 batch and A28 purchase exactly as many rows as are built', () => {
    for (const capture of [A26, A28]) {
      const { query } = splitUrl(capture.url);
      const body = capture.body === '' ? undefined : capture.body;
      expect(countHitEvents(query, body).named).toBe(builtRowCount(query, body));
    }
  });

  it('never throws and always agrees with the full decode on mutated hits', () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
    const queries = [hitQuery('a'), SHARED_BATCH_QUERY, splitUrl(A26.url).query];
    fc.assert(
      fc.property(
        mutatedText(queries),
        fc.option(randomBody, { nil: undefined }),
        (query, body) => {
          expect(countHitEvents(query, body).named).toBe(builtRowCount(query, body));
        },
      ),
      { numRuns: 300 },
    );
    expectPrototypeUntouched(prototypeNames);
  });
});

describe('the raw-hit spool format', () => {
  it('writes a hit as one line that reads back the same', () => {
    const line = rawHitLine(hit());
    expect(line.startsWith('{"tw_hit":1,')).toBe(true);
    expect(line).not.toContain('\n');
    expect(readRawHit(line)).toEqual(hit());
    const bare = hit({ method: 'GET', body: undefined, templateVersion: undefined });
    delete bare.body;
    delete bare.templateVersion;
    expect(readRawHit(rawHitLine(bare))).toEqual(bare);
  });

  it.each([
    ['{"tw_hit":1,', 'not valid JSON'],
    ['{"tw_hit":1,"query":"v=2"}', 'lacks method'],
    [rawHitLine(hit()).replace('"web_mirror"', '"pixel"'), 'source must be one of'],
  ])('names what is wrong with the line %s', (line, problem) => {
    const read = readRawHit(line);
    expect('problem' in read && read.problem).toContain(problem);
  });

  it('builds rows from hit lines, copies row lines, and dead-letters hits it cannot build with the reason', async () => {
    const segment = join(directory, 'seg-1700000000000-000001.ndjson');
    const rowsFile = join(directory, 'rows-seg-1700000000000-000001.ndjson');
    const unbuildable = rawHitLine(hit({ body: 'en=kept&ep.event_id=kept-1\nepn.n=1', events: 2 }));
    writeFileSync(
      segment,
      [
        rawHitLine(hit()),
        '{"event_name":"row_line","event_id":"row-line-1"}',
        '{"tw_hit":1,"broken"',
        unbuildable,
        '',
      ].join('\n'),
    );
    const built = await buildSegmentRows(segment, rowsFile);

    const rows = readFileSync(rowsFile, 'utf8').trimEnd().split('\n');
    expect(built.rows).toBe(4);
    expect(rows.map((row) => (JSON.parse(row) as { event_id: string }).event_id)).toEqual([
      'spooled-1',
      'spooled-2',
      'row-line-1',
      'kept-1',
    ]);
    expect(JSON.parse(rows[0]!)).toMatchObject({ source: 'web_mirror', template_version: '1.2.0' });
    expect(built.deadLetters).toHaveLength(2);
    expect(JSON.parse(built.deadLetters[0]!)).toMatchObject({ line: '{"tw_hit":1,"broken"' });
    expect(JSON.parse(built.deadLetters[1]!)).toMatchObject({
      tw_hit: 1,
      dead_letter_reason: '2 events were acknowledged but 1 rows were built',
    });
  });

  it('builds the same event ids when a segment is built again, so a replay stores nothing twice', async () => {
    const segment = join(directory, 'seg-1700000000000-000002.ndjson');
    const noIds = hit({ body: 'en=first\nen=second', events: 2 });
    writeFileSync(segment, `${rawHitLine(noIds)}\n`);
    const first = join(directory, 'rows-a.ndjson');
    const second = join(directory, 'rows-b.ndjson');
    await buildSegmentRows(segment, first);
    await buildSegmentRows(segment, second);
    const ids = (file: string): string[] =>
      readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((row) => (JSON.parse(row) as { event_id: string }).event_id);
    expect(ids(first)).toHaveLength(2);
    expect(new Set(ids(first)).size).toBe(2);
    expect(ids(second)).toEqual(ids(first));
  });

  it('builds rows on a worker thread in the compiled collector, and none once closed', async () => {
    const compiled = join(packageRoot, 'dist', 'collector', 'pipeline', 'row-builder.js');
    if (!existsSync(compiled)) {
      throw new Error(`${compiled} is missing: run \`npm run build\` before these tests.`);
    }
    const module = (await import(pathToFileURL(compiled).href)) as {
      RowBuilder: new () => RowBuilder;
    };
    const builder = new module.RowBuilder();
    const segment = join(directory, 'seg-1700000000000-000003.ndjson');
    writeFileSync(segment, `${rawHitLine(hit())}\n`);
    try {
      expect(builder.isThreaded).toBe(true);
      const built = await builder.build(segment, join(directory, 'rows-threaded.ndjson'));
      expect(built).toEqual({ rows: 2, deadLetters: [] });
    } finally {
      await builder.close();
    }
    // Closed means closed: no thread is started again to keep the process alive.
    await expect(builder.build(segment, join(directory, 'rows-closed.ndjson'))).rejects.toThrow(
      /closed/,
    );
  });
});
