import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A26, A28 } from '../ga4/fixtures/part-a-ga4-beacons.js';
import { splitUrl } from '../../shared/text/split-url.js';
import {
  SHARED_BATCH_QUERY,
  batchBody,
  hitQuery,
  queryDuckDb,
  startTestCollector,
  type TestCollector,
} from './collector-harness.js';

let collector: TestCollector;

beforeAll(async () => {
  collector = await startTestCollector({
    token: 'test-token',
    allowOrigins: ['https://shop.example'],
    maxBodyBytes: 64 * 1024,
  });
});

afterAll(() => collector.remove());

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${collector.url}${path}`, init);
}

describe('the collector over real loopback HTTP', () => {
  it('stores a GET hit and answers with a 1x1 GIF for pixel senders', async () => {
    const response = await send(`/g/collect?${hitQuery('get-1')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 6)
        .toString(),
    ).toBe('GIF89a');
  });

  it('stores the real A28 purchase and the A26 batch sent as gtag sends them', async () => {
    const purchase = await send(`/g/collect?${splitUrl(A28.url).query}`, { method: 'POST' });
    const batch = await send(`/g/collect?${splitUrl(A26.url).query}`, {
      method: 'POST',
      body: A26.body,
    });
    expect([purchase.status, batch.status]).toEqual([204, 204]);
    expect(batch.headers.get('x-tagwarden-stored')).toBe('2');
  });

  it('marks web mirror hits with their source and template version', async () => {
    const response = await send(`/g/collect?tw_src=web_mirror&tw_tv=1.2.0&${hitQuery('mirror-1')}`);
    expect(response.status).toBe(200);
  });

  it('stores the good lines of a batch that has a line of invalid UTF-8 and one without a name', async () => {
    const body = Buffer.concat([
      Buffer.from(`${batchBody(['batch-good-1'])}\r\n`),
      Buffer.from([0x65, 0x6e, 0x3d, 0xff, 0xfe, 0x0d, 0x0a]),
      Buffer.from(`epn.n=3\r\n${batchBody(['batch-good-2'])}`),
    ]);
    const response = await send(`/g/collect?${SHARED_BATCH_QUERY}`, { method: 'POST', body });
    expect(response.status).toBe(204);
    expect(response.headers.get('x-tagwarden-stored')).toBe('2');
    expect(response.headers.get('x-tagwarden-rejected')).toBe('2');
  });

  it.each([
    ['an unknown path', '/collect', {}, 404, 'nothing is served at /collect'],
    ['a wrong method', '/g/collect', { method: 'PUT' }, 405, 'takes GET or POST'],
    ['a hit without tid', '/g/collect?v=2&en=page_view', {}, 400, 'no measurement ID'],
    [
      'a Universal Analytics hit',
      '/g/collect?v=1&tid=UA-1-1&t=pageview',
      {},
      400,
      'Universal Analytics',
    ],
    [
      'a hit without any event name',
      '/g/collect?v=2&tid=G-X',
      {},
      400,
      'no event in the hit has a name',
    ],
    ['a bad tw_src', `/g/collect?tw_src=pixel&${hitQuery('x')}`, {}, 400, 'tw_src must be one of'],
    [
      'a body over the limit',
      `/g/collect?${SHARED_BATCH_QUERY}`,
      { method: 'POST', body: 'en=x&'.repeat(20000) },
      413,
      'over the 65536-byte limit',
    ],
    ['rows without a token', '/rows', { method: 'POST', body: '[]' }, 401, 'bearer token'],
    [
      'rows with a wrong token',
      '/rows',
      { method: 'POST', body: '[]', headers: { authorization: 'Bearer nope' } },
      401,
      'bearer token',
    ],
    [
      'rows that are not JSON',
      '/rows',
      { method: 'POST', body: '{', headers: { authorization: 'Bearer test-token' } },
      400,
      'not valid UTF-8 JSON',
    ],
    [
      'rows of the wrong shape',
      '/rows',
      { method: 'POST', body: '{"x":1}', headers: { authorization: 'Bearer test-token' } },
      400,
      'expected a JSON array',
    ],
    [
      'a split part without tw_part',
      '/g/collect?tw_msg=abc&tw_data=x',
      {},
      400,
      'tw_msg and tw_part',
    ],
    [
      'a split part out of range',
      '/g/collect?tw_msg=abc&tw_part=3/2&tw_data=x',
      {},
      400,
      'tw_part must be i/n',
    ],
    [
      'a disallowed origin',
      `/g/collect?${hitQuery('x')}`,
      { headers: { origin: 'https://evil.example' } },
      403,
      'is not allowed',
    ],
  ])(
    'answers %s with the right status and a reason',
    async (_label, path, init, status, reason) => {
      const response = await send(path, init as RequestInit);
      expect(response.status).toBe(status);
      const body = (await response.json()) as { reason: string };
      expect(body.reason).toContain(reason);
    },
  );

  it('stores the valid rows of a /rows batch and lists the invalid ones', async () => {
    const rows = [
      { event_name: 'row_ok', event_id: 'row-1' },
      { event_name: 'bad', price: 1 },
      { event_name: 'row_ok', event_id: 'row-2' },
    ];
    const response = await send('/rows', {
      method: 'POST',
      body: JSON.stringify({ rows }),
      headers: { authorization: 'Bearer test-token' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      stored: 2,
      rejected: [{ index: 1, reason: 'price: is not a column of the mirror row' }],
    });
  });

  it('maps server-side event data sent to /rows as events', async () => {
    const events = [
      {
        event_name: 'server_event',
        event_id: 'server-1',
        'x-ga-measurement_id': 'G-TEST000001',
        ip_override: '198.51.100.1',
      },
    ];
    const response = await send('/rows', {
      method: 'POST',
      body: JSON.stringify({ events }),
      headers: { authorization: 'Bearer test-token' },
    });
    expect(response.status).toBe(200);
  });

  it('answers CORS preflights and echoes an allowed origin', async () => {
    const preflight = await send('/rows', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const hit = await send(`/g/collect?${hitQuery('cors-1')}`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(hit.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('reassembles a hit split over three URLs, holding every answer until it is stored', async () => {
    const query = hitQuery('split-1', `&ep.long=${'x'.repeat(300)}`);
    const slices = [query.slice(0, 100), query.slice(100, 250), query.slice(250)];
    const part = (index: number): Promise<Response> =>
      send(
        `/g/collect?tw_src=web_mirror&tw_msg=msg1&tw_part=${index + 1}/3&tw_data=${encodeURIComponent(slices[index]!)}`,
      );
    const responses = await Promise.all([part(2), part(0), part(1)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await send('/healthz')).status).toBe(200);
    const ready = await send('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ isReady: true, isSinkUp: true });
    const metrics = await (await send('/metrics')).text();
    expect(metrics).toContain('# TYPE tagwarden_events_received_total counter');
    expect(metrics).toMatch(/tagwarden_events_rejected_total\{reason="bad_token"\} 2/);
    expect(metrics).toMatch(/tagwarden_http_requests_total\{route="unknown",status="404"\} 1/);
  });

  it('has every acknowledged event in DuckDB once it stops', async () => {
    expect(await collector.stop()).toBe(true);
    const rows = await queryDuckDb(
      collector.databaseFile,
      'SELECT event_id, event_name, source, template_version FROM events ORDER BY event_id',
    );
    const ids = rows.map((row) => row.event_id);
    for (const id of [
      'get-1',
      'mirror-1',
      'batch-good-1',
      'batch-good-2',
      'row-1',
      'row-2',
      'server-1',
      'cors-1',
      'split-1',
    ]) {
      expect(ids).toContain(id);
    }
    expect(rows.find((row) => row.event_id === 'mirror-1')).toMatchObject({
      source: 'web_mirror',
      template_version: '1.2.0',
    });
    expect(rows.find((row) => row.event_id === 'split-1')).toMatchObject({ source: 'web_mirror' });
    expect(rows.filter((row) => row.event_name === 'purchase')).toHaveLength(1);
    const [server] = await queryDuckDb(
      collector.databaseFile,
      "SELECT to_json(e)::VARCHAR AS row FROM events e WHERE event_id = 'server-1'",
    );
    expect(String(server?.row)).not.toContain('198.51.100.1');
  });
});
