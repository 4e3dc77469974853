import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { eventDataToMirrorRow } from '../../shared/warehouse/event-data-to-mirror-row.js';
import { ga4EventToMirrorRow } from '../../shared/warehouse/ga4-event-to-mirror-row.js';
import { readMirrorRow } from '../../shared/warehouse/read-mirror-row.js';
import type { Capture } from '../ga4/fixtures/capture.js';
import * as partA from '../ga4/fixtures/part-a-ga4-beacons.js';
import {
  expectPlainData,
  expectPrototypeUntouched,
  mutatedText,
  randomBody,
} from '../ga4/fuzz-arbitraries.js';
import { collectorContext } from './mirror-test-rows.js';

const captures = Object.values(partA).filter(
  (value): value is Capture => typeof value === 'object',
);
const urls = captures.map((capture) => capture.url);
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
/** Anything no warehouse can store in text: NUL and unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- NUL is exactly the character to find.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('the mirror row mappings under fuzzing', () => {
  afterAll(() => expectPrototypeUntouched(prototypeNames));

  it('map mutated real hits to plain, storable rows without throwing', () => {
    const body = fc.option(randomBody, { nil: undefined });
    fc.assert(
      fc.property(mutatedText(urls), body, (url, maybeBody) => {
        for (const event of decodeCollectHit(url, maybeBody)) {
          const row = ga4EventToMirrorRow(event, collectorContext);
          expectPlainData(row);
          expect(UNSTORABLE.test(JSON.stringify(row) ?? '')).toBe(false);
          if (row !== null) {
            expect(readMirrorRow(JSON.parse(JSON.stringify(row)), collectorContext)).toEqual({
              row,
            });
          }
        }
        expectPrototypeUntouched(prototypeNames);
      }),
      { numRuns: 400 },
    );
  });

  it('map random JSON event data and random JSON rows without throwing', () => {
    const json = fc.jsonValue();
    const eventData = fc.dictionary(
      fc.oneof(
        fc.constantFrom('event_name', 'items', '__proto__', 'x-ga-gcs', 'user_properties'),
        fc.string(),
      ),
      json,
    );
    fc.assert(
      fc.property(eventData, json, (data, value) => {
        const parsed = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        expectPlainData(
          eventDataToMirrorRow(parsed, { ...collectorContext, source: 'server_mirror' }),
        );
        const reading = readMirrorRow(value, collectorContext);
        expect('row' in reading || typeof reading.error === 'string').toBe(true);
        expectPrototypeUntouched(prototypeNames);
      }),
      { numRuns: 400 },
    );
  });
});
