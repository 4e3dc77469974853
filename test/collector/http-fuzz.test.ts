import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitUrl } from '../../shared/text/split-url.js';
import type { Capture } from '../ga4/fixtures/capture.js';
import * as partA from '../ga4/fixtures/part-a-ga4-beacons.js';
import { expectPrototypeUntouched, mutatedText, randomBody } from '../ga4/fuzz-arbitraries.js';
import {
  hitQuery,
  queryDuckDb,
  startTestCollector,
  type TestCollector,
} from './collector-harness.js';

const captures = Object.values(partA).filter(
  (value): value is Capture => typeof value === 'object',
);
const queries = captures
  .map((capture) => splitUrl(capture.url).query)
  .filter((query) => query !== '');
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

let collector: TestCollector;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  collector = await startTestCollector({
    token: 'fuzz-token',
    maxBodyBytes: 16 * 1024,
    allowOrigins: ['https://ok.example'],
  });
});

afterAll(() => {
  agent.destroy();
  collector.remove();
});

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

function send(raw: RawRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${collector.url}${raw.path}`,
      { method: raw.method, headers: raw.headers, agent },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

const pathArbitrary = fc.oneof(
  fc.constantFrom(
    '/g/collect',
    '/rows',
    '/healthz',
    '/readyz',
    '/metrics',
    '/',
    '/g/collect/',
    '/G/COLLECT',
  ),
  fc.string({ maxLength: 20 }).map((text) => `/${encodeURIComponent(text)}`),
);
const queryArbitrary = fc.oneof(
  mutatedText(queries),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => encodeURIComponent(text)),
  fc.constantFrom('tw_msg=a&tw_part=1/2&tw_data=v%3D2', 'tw_src=web_mirror', 'tw_part=0/0', ''),
);
const bodyArbitrary = fc.oneof(
  fc.constant(undefined),
  randomBody,
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constant('en=x&'.repeat(5000)),
);
const requestArbitrary = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
  path: pathArbitrary,
  query: queryArbitrary,
  body: bodyArbitrary,
  token: fc.constantFrom(undefined, 'fuzz-token', 'wrong'),
  origin: fc.constantFrom(undefined, 'https://ok.example', 'https://evil.example'),
});

describe('the HTTP surface under fuzzing', () => {
  it('never fails a request with 500, never crashes, and stores every good event it acknowledged', async () => {
    const acknowledged: string[] = [];
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArbitrary, { minLength: 1, maxLength: 4 }),
        async (requests) => {
          for (const random of requests) {
            const headers: Record<string, string> = {};
            if (random.token !== undefined) headers.authorization = `Bearer ${random.token}`;
            if (random.origin !== undefined) headers.origin = random.origin;
            const method =
              random.body !== undefined && random.method === 'GET' ? 'POST' : random.method;
            const status = await send({
              method,
              path: `${random.path}?${random.query}`,
              headers,
              body: random.body,
            });
            expect(status === 503 || (status >= 200 && status < 500)).toBe(true);

            counter += 1;
            const goodId = `good-${counter}`;
            const goodStatus = await send({
              method: 'GET',
              path: `/g/collect?${hitQuery(goodId)}`,
              headers: {},
              body: undefined,
            });
            expect(goodStatus).toBe(200);
            acknowledged.push(goodId);
          }
        },
      ),
      { numRuns: 120 },
    );
    expectPrototypeUntouched(prototypeNames);
    expect(await send({ method: 'GET', path: '/healthz', headers: {}, body: undefined })).toBe(200);

    expect(await collector.stop()).toBe(true);
    const rows = await queryDuckDb(
      collector.databaseFile,
      "SELECT event_id, count(*) AS n FROM events WHERE event_id LIKE 'good-%' GROUP BY 1",
    );
    const counts = new Map(rows.map((row) => [String(row.event_id), Number(row.n)]));
    expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
  }, 120_000);
});
