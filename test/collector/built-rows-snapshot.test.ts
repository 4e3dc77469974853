import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCollectorPayloads } from '../../bench/collector-payloads.js';
import { buildHitRows, type RowShape } from '../../collector/pipeline/build-segment-rows.js';
import { rawHitLine, type RawHit } from '../../collector/pipeline/raw-hit.js';
import { readCapture } from '../../shared/capture/read-capture.js';
import { splitUrl } from '../../shared/text/split-url.js';
import { packageRoot } from '../cli/run-cli.js';
import type { Capture } from '../ga4/fixtures/capture.js';
import * as partA from '../ga4/fixtures/part-a-ga4-beacons.js';
import { RECEIVED_AT } from '../warehouse/mirror-test-rows.js';

type HitRequest = Pick<RawHit, 'method' | 'path' | 'query' | 'body'> & { label: string };

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0.0.0 Safari/537.36';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1';

/** What the collector records beside a hit, varied so every context field reaches a row. */
const CONTEXTS: ReadonlyArray<
  Pick<RawHit, 'source' | 'templateVersion' | 'userAgent' | 'timeZone'>
> = [
  { source: 'collector' },
  { source: 'collector', userAgent: CHROME_ON_WINDOWS, timeZone: 'America/Los_Angeles' },
  { source: 'web_mirror', templateVersion: '1.4.0', userAgent: SAFARI_ON_IPHONE },
  { source: 'server_mirror', templateVersion: '2.0.1', timeZone: 'Asia/Tokyo' },
];

/** Every GA4 request of the bundled captures, as the collector would have received it. */
function bundledCaptureRequests(): HitRequest[] {
  const folder = join(packageRoot, 'test', 'fixtures', 'captures');
  return readdirSync(folder)
    .filter((name) => !name.endsWith('.md'))
    .flatMap((file) =>
      readCapture(readFileSync(join(folder, file), 'utf8'), file).records.flatMap((record) =>
        record.kind === 'request' && record.url.includes('/collect')
          ? [hitRequest(`${file}: ${record.url.slice(0, 60)}`, record.url, record.body)]
          : [],
      ),
    );
}

/** Every GA4 beacon of the corpus (Part A), look-alikes included: they must fail the same way. */
function corpusRequests(): HitRequest[] {
  return Object.values(partA)
    .filter((value): value is Capture => typeof value === 'object' && 'url' in value)
    .map((capture) => hitRequest(capture.id, capture.url, capture.body, capture.method));
}

/** The bench's batches, each line once, with the `_p` and `_s` the load adds. */
function benchRequests(): HitRequest[] {
  const payloads = buildCollectorPayloads(packageRoot, 10);
  return payloads
    .filter((_, index) => index % 10 === 0)
    .map((payload, index) => ({
      label: `bench batch ${index}`,
      method: 'POST',
      path: '/g/collect',
      query: `${payload.query}&_p=1733356800123&_s=${index + 1}`,
      body: payload.body,
    }));
}

function hitRequest(label: string, url: string, body?: string, method?: string): HitRequest {
  const parts = splitUrl(url);
  return {
    label,
    method: method ?? (body === undefined || body === '' ? 'GET' : 'POST'),
    path: parts.path === '' ? '/g/collect' : parts.path,
    query: parts.query,
    ...(body === undefined || body === '' ? {} : { body }),
  };
}

/** The spool line of request `index`, with one of the contexts and its own receive time. */
function spoolLine({ label: _label, ...request }: HitRequest, index: number): string {
  return rawHitLine({
    ...request,
    ...CONTEXTS[index % CONTEXTS.length]!,
    receivedAt: RECEIVED_AT + index * 997,
    events: 1,
  });
}

/** The rows file the loader writes for all requests, each hit followed by its problem if any. */
function builtRows(requests: readonly HitRequest[], shape: RowShape): string {
  const lines = requests.flatMap((request, index) => {
    const built = buildHitRows(spoolLine(request, index), shape);
    const problem = built.problem === undefined ? [] : [`# ${request.label}: ${built.problem}`];
    return [`# ${request.label}`, ...built.rows, ...problem];
  });
  return `${lines.join('\n')}\n`;
}

const REQUESTS = [...bundledCaptureRequests(), ...corpusRequests(), ...benchRequests()];

describe('the rows the loader builds from spooled hits', () => {
  it('cover the bundled captures, the corpus and the bench', () => {
    expect(bundledCaptureRequests().length).toBeGreaterThan(20);
    expect(corpusRequests().length).toBeGreaterThan(20);
    expect(benchRequests().length).toBeGreaterThan(2);
  });

  it('do not depend on the hit built before them', () => {
    const inOrder = REQUESTS.map((request, index) => buildHitRows(spoolLine(request, index)));
    const backwards = REQUESTS.map((request, index) => ({ request, index }))
      .reverse()
      .map(({ request, index }) => ({ index, built: buildHitRows(spoolLine(request, index)) }));
    for (const { index, built } of backwards) {
      expect(built).toEqual(inOrder[index]);
    }
  });

  it.each<RowShape>(['full', 'sparse'])(
    'stay byte for byte the same in the %s shape',
    async (shape) => {
      await expect(builtRows(REQUESTS, shape)).toMatchFileSnapshot(
        `./__snapshots__/built-rows.${shape}.txt`,
      );
    },
  );
});
