import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseSink } from '../../collector/sinks/clickhouse-sink.js';
import { mirrorDdl } from '../../shared/warehouse/ddl/mirror-ddl.js';

// A stand-in, not ClickHouse: Debian's only clickhouse-server (18.16.1) runs here but rejects the
// export-shaped schema (it predates named tuple elements and CREATE OR REPLACE VIEW), and no newer
// server can be installed from the registries this project uses. So these tests pin what the sink
// sends over ClickHouse's documented HTTP interface; collector/README.md says the sink is untested
// against a real server.

interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: SeenRequest[] = [];
let failWith: { status: number; text: string } | undefined;
let server: Server;
let port = 0;
const scratch = mkdtempSync(join(tmpdir(), 'tagwarden-clickhouse-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      seen.push({
        method: request.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(failWith?.status ?? 200);
      response.end(failWith?.text ?? 'Ok.\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});

afterEach(() => {
  seen.length = 0;
  failWith = undefined;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

function segmentFile(id: string, lines: string[]): { id: string; path: string } {
  const path = join(scratch, `${id}.ndjson`);
  writeFileSync(path, `${lines.join('\n')}\n\n`);
  return { id, path };
}

describe('the ClickHouse sink over the HTTP interface (loopback stand-in)', () => {
  it('creates the table and views at open, in the database the URL names, with its credentials', async () => {
    const sink = new ClickHouseSink(`http://loader:s%40cret@127.0.0.1:${port}/analytics`);
    await sink.open();
    expect(seen.map((request) => request.query.get('query'))).toEqual(mirrorDdl('clickhouse'));
    for (const request of seen) {
      expect(request.method).toBe('POST');
      expect(request.query.get('database')).toBe('analytics');
      expect(request.headers['x-clickhouse-user']).toBe('loader');
      expect(request.headers['x-clickhouse-key']).toBe('s@cret');
    }
    expect(sink.description).toBe(`clickhouse:127.0.0.1:${port}`);
    expect(sink.description).not.toContain('cret');
  });

  it('inserts a segment as JSONEachRow with the segment id as the dedupe token', async () => {
    const sink = new ClickHouseSink(`http://127.0.0.1:${port}`);
    const rows = ['{"event_id":"a","event_name":"page_view"}', '{"event_id":"b"}'];
    const stored = await sink.writeSegment(segmentFile('seg-0000000000001-000000', rows));
    expect(stored).toBe(2);
    const [insert] = seen;
    expect(insert?.query.get('query')).toBe('INSERT INTO events FORMAT JSONEachRow');
    expect(insert?.query.get('insert_deduplication_token')).toBe('seg-0000000000001-000000');
    expect(insert?.query.get('input_format_null_as_default')).toBe('1');
    expect(insert?.query.get('input_format_json_named_tuples_as_objects')).toBe('1');
    expect(insert?.query.has('database')).toBe(false);
    expect(insert?.headers['x-clickhouse-user']).toBeUndefined();
    expect(insert?.body).toBe(rows.join('\n'));
  });

  it('sends nothing for an empty batch', async () => {
    const sink = new ClickHouseSink(`http://127.0.0.1:${port}/db`);
    expect(await sink.writeLines([], 'empty')).toBe(0);
    expect(seen).toHaveLength(0);
  });

  it("rejects with the server's status and words, so the spool keeps the segment", async () => {
    failWith = { status: 500, text: 'Code: 241, DB::Exception: Memory limit exceeded' };
    const sink = new ClickHouseSink(`http://127.0.0.1:${port}/db`);
    await expect(sink.writeLines(['{"event_id":"a"}'], 'seg-1')).rejects.toThrow(
      /ClickHouse answered 500: Code: 241/,
    );
    await expect(sink.ping()).rejects.toThrow(/\/ping answered 500/);
  });

  it('pings the /ping path and resolves when the server answers', async () => {
    const sink = new ClickHouseSink(`http://127.0.0.1:${port}/db`);
    await sink.ping();
    expect(seen.map((request) => request.path)).toEqual(['/ping']);
  });
});
