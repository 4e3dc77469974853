import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import type { Capture } from './fixtures/capture.js';
import * as partA from './fixtures/part-a-ga4-beacons.js';
import { expectPrototypeUntouched } from './fuzz-arbitraries.js';

// The decoder remembers the last escaped value of each known field (apply-collect-text.ts) and
// the last brand list (collect-field-setters.ts). What it decodes must not depend on what it
// decoded before: these tests decode the same requests after different predecessors.

const ENDPOINT = 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&en=page_view';
const UAFVL = 'uafvl=Chromium%3B136.0.7103.114%7CGoogle%2520Chrome%3B136.0.7103.114';

function decodeOne(query: string, body?: string) {
  const [event] = decodeCollectHit(`${ENDPOINT}&${query}`, body);
  if (event === undefined) throw new Error('no event decoded');
  return event;
}

/** The events as JSON, `raw` included: what every reader of a decoded event can see. */
function decodedJson(url: string, body?: string): string {
  return JSON.stringify(decodeCollectHit(url, body));
}

describe('decoding values that repeat from one request to the next', () => {
  it.each([
    ['dl', 'dl=https%3A%2F%2Fshop.example.test%2F%3Fq%3D1', 'https://shop.example.test/?q=1'],
    ['dt', 'dt=Stan%20and%20Friends%20Tee', 'Stan and Friends Tee'],
    ['dr', 'dr=https%3A%2F%2Fwww.bing.com%2F', 'https://www.bing.com/'],
  ])('decodes a repeated %s the same every time', (_, pair, expected) => {
    const values = [pair, 'dl=x&dt=y&dr=z', pair, pair].map((query) => decodeOne(query).page);

    expect(values[0]).toEqual(values[2]);
    expect(values[2]).toEqual(values[3]);
    expect(Object.values(values[3] ?? {})).toContain(expected);
  });

  it('reads a key written with escapes like the same key written plainly', () => {
    const plain = decodeOne('dl=https%3A%2F%2Fx.test%2F');
    const escaped = decodeOne('d%6C=https%3A%2F%2Fx.test%2F');

    expect(escaped.page).toEqual(plain.page);
    expect(escaped.page.location).toBe('https://x.test/');
  });

  it('warns about a malformed escape on every event that repeats it, not only the first', () => {
    const events = [decodeOne('dl=%zz%41'), decodeOne('dl=%zz%41')];

    for (const event of events) {
      expect(event.page.location).toBe('%zzA');
      expect(event.warnings).toMatchObject([{ code: 'malformed_escape', key: 'dl' }]);
    }
  });

  it('decodes a repeated brand list once per event, and a malformed brand warns each time', () => {
    const lists = [decodeOne(UAFVL), decodeOne(UAFVL)].map((event) => event.clientHints);
    const broken = [1, 2].map(() => decodeOne('uafvl=A%25zz%3B1%7CB%3B2'));

    expect(lists[0]).toEqual(lists[1]);
    expect(lists[1]?.fullVersionList).toBe('Chromium;136.0.7103.114|Google Chrome;136.0.7103.114');
    for (const event of broken) {
      expect(event.clientHints.fullVersionList).toBe('A%zz;1|B;2');
      expect(event.warnings).toMatchObject([{ code: 'malformed_escape', key: 'uafvl' }]);
    }
  });

  it('keeps a body line value apart from the same key in the URL of the next request', () => {
    const batched = decodeCollectHit(`${ENDPOINT}&dt=A%20B`, 'en=scroll&dt=C%20D\nen=click');
    const next = decodeOne('dt=C%20D');

    expect(batched.map((event) => event.page.title)).toEqual(['C D', 'A B']);
    expect(next.page.title).toBe('C D');
  });

  it('gives every real capture the same events whatever was decoded before it', () => {
    const captures = Object.values(partA).filter(
      (value): value is Capture => typeof value === 'object',
    );
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
    const forward = captures.map((capture) => decodedJson(capture.url, capture.body));

    fc.assert(
      fc.property(fc.array(fc.nat(captures.length - 1), { maxLength: 12 }), (order) => {
        for (const index of order) {
          const capture = captures[index] as Capture;
          expect(decodedJson(capture.url, capture.body)).toBe(forward[index]);
        }
      }),
      { numRuns: 200 },
    );
    expectPrototypeUntouched(prototypeNames);
  });
});
