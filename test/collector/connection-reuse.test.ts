import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hitQuery,
  queryDuckDb,
  startTestCollector,
  type TestCollector,
} from './collector-harness.js';

let collector: TestCollector;
/** One socket at most, so each request reuses the connection of the one before when it can. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const answeredIds: string[] = [];

beforeAll(async () => {
  collector = await startTestCollector({ token: 'reuse-token', maxBodyBytes: 16 * 1024 });
});

afterAll(() => {
  agent.destroy();
  collector.remove();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** Sends with Node's http client, which frames a DELETE or OPTIONS body with nothing at all. */
function send(method: string, path: string, body?: string | string[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${collector.url}${path}`, { method, agent }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
      );
    });
    outgoing.on('error', reject);
    if (Array.isArray(body)) body.forEach((chunk) => outgoing.write(chunk));
    outgoing.end(Array.isArray(body) ? undefined : body);
  });
}

async function sendGoodHit(eventId: string): Promise<Answer> {
  const answer = await send('GET', `/g/collect?${hitQuery(eventId)}`);
  if (answer.status === 200) answeredIds.push(eventId);
  return answer;
}

/** Writes raw bytes on a new connection and returns all the collector sent until it closed. */
function sendRaw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(collector.running.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

function bodyOf(message: string | undefined): string {
  return message?.slice(message.indexOf('\r\n\r\n') + 4) ?? '';
}

const oversized = 'en=x&'.repeat(5000);

describe('connections shared by a bad request and the good hit after it', () => {
  it('answers a good hit 200 after a DELETE whose one-byte body came with no framing', async () => {
    const refused = await send('DELETE', '/g/collect', 'A');
    const good = await sendGoodHit('after-delete');

    expect([refused.status, good.status]).toEqual([405, 200]);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.text)).toEqual({
      error: 'method_not_allowed',
      reason: '/g/collect takes GET or POST, not DELETE',
    });
  });

  it.each([
    ['an OPTIONS preflight with a body', 'OPTIONS', '/g/collect', 'A', 204, ''],
    ['a DELETE on a path that serves nothing', 'DELETE', '/nothing', 'P', 404, 'nothing is served'],
    ['a PUT with a JSON body', 'PUT', '/rows', '{"rows":[]}', 405, 'takes POST'],
    ['a POST to /rows without the token', 'POST', '/rows', '[{}]', 401, 'bearer token'],
    [
      'a POST with a declared body over the limit',
      'POST',
      '/g/collect?v=2',
      oversized,
      413,
      '--max-body-kb',
    ],
    [
      'a POST whose chunked body grows over the limit',
      'POST',
      '/g/collect?v=2',
      [oversized, 'en=y'],
      413,
      '--max-body-kb',
    ],
  ])(
    'after %s, ends that connection and answers the next good hit 200',
    async (name, method, path, body, status, reason) => {
      const refused = await send(method, path, body);
      const good = await sendGoodHit(`after-${name.replaceAll(' ', '-')}`);

      expect([refused.status, refused.headers.connection, good.status]).toEqual([
        status,
        'close',
        200,
      ]);
      expect(refused.text).toContain(reason);
    },
  );

  it('answers a chunked body 413 as soon as it passes the limit, while the body is unfinished', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const path = `${collector.url}/g/collect?v=2`;
      const outgoing = request(path, { method: 'POST', agent }, (response) => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: '' });
        outgoing.destroy();
      });
      outgoing.on('error', reject);
      outgoing.write(oversized);
    });

    expect([answer.status, answer.headers.connection]).toEqual([413, 'close']);
  });

  it.each([
    ['a good hit', 'GET', `/g/collect?${hitQuery('kept-1')}`, undefined, 200, 'kept-1'],
    ['a POST hit refused after its body was read', 'POST', '/g/collect?v=2&en=x', 'en=y', 400, ''],
  ])('keeps the connection after %s', async (_name, method, path, body, status, eventId) => {
    const answer = await send(method, path, body);
    if (eventId !== '' && answer.status === 200) answeredIds.push(eventId);

    expect([answer.status, answer.headers.connection]).toEqual([status, 'keep-alive']);
  });

  it('answers bytes that are not a request 400 naming the parser code, after the good hit before them', async () => {
    const hit = `POST /g/collect?${hitQuery('before-garbage')} HTTP/1.1\r\nHost: t\r\n`;
    const received = await sendRaw(`${hit}Content-Length: 0\r\n\r\nabc\r\n\r\n`);
    const [stored, refused] = received.split(/(?=HTTP\/1\.1 \d{3} )/);
    if (stored?.startsWith('HTTP/1.1 204 ') === true) answeredIds.push('before-garbage');

    expect(stored).toMatch(/^HTTP\/1\.1 204 .*X-Tagwarden-Stored: 1/s);
    expect(refused).toMatch(/^HTTP\/1\.1 400 .*Connection: close/s);
    expect(JSON.parse(bodyOf(refused))).toEqual({
      error: 'bad_request',
      reason:
        'the bytes on this connection are not an HTTP/1.1 request (HPE_INVALID_METHOD); ' +
        'send a body only with Content-Length or chunked framing, and nothing after it',
    });
  });

  it('answers a URL past the header limit 431, advising a POST with the events in the body', async () => {
    const received = await sendRaw(`GET /g/collect?${'x'.repeat(20_000)} HTTP/1.1\r\n\r\n`);

    expect(received).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(bodyOf(received))).toMatchObject({
      error: 'request_header_fields_too_large',
      reason: expect.stringContaining('send a long hit as POST') as unknown,
    });
  });

  it('stored every good hit it answered, once', async () => {
    expect(await collector.stop()).toBe(true);
    const rows = await queryDuckDb(
      collector.databaseFile,
      'SELECT event_id, count(*) AS n FROM events GROUP BY 1',
    );
    const counts = new Map(rows.map((row) => [String(row.event_id), Number(row.n)]));

    expect(answeredIds.length).toBe(9);
    expect(answeredIds.filter((id) => counts.get(id) !== 1)).toEqual([]);
  });
});
