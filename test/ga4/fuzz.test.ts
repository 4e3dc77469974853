import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { parseQuery } from '../../shared/text/parse-query.js';
import { splitUrl } from '../../shared/text/split-url.js';
import type { Capture } from './fixtures/capture.js';
import * as partA from './fixtures/part-a-ga4-beacons.js';
import {
  expectPlainData,
  expectPrototypeUntouched,
  mutatedText,
  randomBody,
} from './fuzz-arbitraries.js';

const captures = Object.values(partA).filter(
  (value): value is Capture => typeof value === 'object',
);
const urls = captures.map((capture) => capture.url);
const bodies = captures.flatMap((capture) => (capture.body === undefined ? [] : [capture.body]));
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

function expectSoundEvents(url: string, body: string | undefined): void {
  const events = decodeCollectHit(url, body);
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    expect(event.layer).toBe('ga4');
    for (const warning of event.warnings) {
      expect(typeof warning.code).toBe('string');
    }
  }
  expectPlainData(events);
}

describe('decodeCollectHit under fuzzing', () => {
  afterAll(() => expectPrototypeUntouched(prototypeNames));

  it('never throws on random text as URL and body', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.option(randomBody, { nil: undefined }),
        (url, body) => {
          expectSoundEvents(url, body);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated real captures, with mutated or random bodies', () => {
    const body = fc.option(fc.oneof(mutatedText(bodies), randomBody), { nil: undefined });
    fc.assert(
      fc.property(mutatedText(urls), body, (url, maybeBody) => {
        expectSoundEvents(url, maybeBody);
        expectPrototypeUntouched(prototypeNames);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every distinct key of the URL in raw, prototype-looking keys included', () => {
    fc.assert(
      fc.property(mutatedText(urls), (url) => {
        const [event] = decodeCollectHit(url);
        const keys = new Set(parseQuery(splitUrl(url).query).map((pair) => pair.key));
        expect(new Set(Object.keys(event?.raw ?? {}))).toEqual(keys);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps parseQuery lossless: raw segments rebuild the input', () => {
    fc.assert(
      fc.property(mutatedText(urls), (text) => {
        const rebuilt = parseQuery(text)
          .map((pair) => (pair.hasEquals ? `${pair.rawKey}=${pair.rawValue}` : pair.rawKey))
          .join('&');
        expect(rebuilt).toBe(
          text
            .split('&')
            .filter((segment) => segment !== '')
            .join('&'),
        );
      }),
      { numRuns: 300 },
    );
  });
});
