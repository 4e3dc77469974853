import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { Capture } from '../ga4/fixtures/capture.js';
import * as partA from '../ga4/fixtures/part-a-ga4-beacons.js';
import * as partB from '../ga4/fixtures/part-b-universal-analytics.js';
import * as partC from '../ga4/fixtures/part-c-ads-and-pixels.js';
import {
  expectPlainData,
  expectPrototypeUntouched,
  mutatedText,
  randomBody,
} from '../ga4/fuzz-arbitraries.js';

const captures = [partA, partB, partC].flatMap((part) =>
  Object.values(part).filter((value): value is Capture => typeof value === 'object'),
);
const urls = captures.map((capture) => capture.url);
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

/** Vendor endpoints with random queries, so that every decoder sees garbage. */
const vendorUrl = fc
  .tuple(
    fc.constantFrom(
      'https://www.google-analytics.com/collect?v=1&',
      'https://www.google-analytics.com/mp/collect?',
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/?data=',
      'https://1.fls.doubleclick.net/activityi;src=1;',
      'https://ad.doubleclick.net/activity;dc_pre=1;',
      'https://www.facebook.com/tr/?id=1&cd[contents]=',
      'https://stats.g.doubleclick.net/g/collect?',
      'https://a.example/collect?e=L2cv',
    ),
    randomBody,
  )
  .map(([prefix, rest]) => prefix + rest);

describe('decodeRequest under fuzzing', () => {
  afterAll(() => expectPrototypeUntouched(prototypeNames));

  it('never throws on mutated captures of every vendor, pasted or not', () => {
    const url = fc.oneof(mutatedText(urls), vendorUrl, fc.string({ unit: 'binary' }));
    const body = fc.option(randomBody, { nil: undefined });
    fc.assert(
      fc.property(url, body, fc.boolean(), (anyUrl, anyBody, pasted) => {
        const decoded = decodeRequest({ url: anyUrl, body: anyBody, method: 'POST' }, { pasted });
        expect(['ga4', 'vendor', 'auxiliary', 'unrecognised']).toContain(decoded.kind);
        expectPlainData(decoded);
        expectPrototypeUntouched(prototypeNames);
      }),
      { numRuns: 1500 },
    );
  });
});
