import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isBatchText,
  MAX_BATCH_TEXT,
  readPageBatch,
} from '../../extension/src/common/read-page-batch.js';

const base = { seq: 1, time: 1_766_755_449_798, pageUrl: 'https://shop.example/' };

describe('reading a batch of page records in the background', () => {
  it('keeps well-formed records of every kind, rebuilt with their own fields only', () => {
    const text = JSON.stringify({
      records: [
        {
          kind: 'push',
          ...base,
          dataLayerName: 'dataLayer',
          arrayIndex: 1,
          origin: 'live',
          push: { event: 'x' },
          extra: 'dropped',
        },
        {
          kind: 'request',
          ...base,
          seq: 2,
          transport: 'beacon',
          method: 'POST',
          url: 'https://a/g/collect?v=2',
          body: 'en=x',
          queued: true,
        },
        { kind: 'notice', ...base, seq: 3, code: 'hook-started', detail: 'loading' },
      ],
    });
    const { records, rejected } = readPageBatch(text);
    expect(rejected).toBe(0);
    expect(records.map((record) => record.kind)).toEqual(['push', 'request', 'notice']);
    expect(records[0]).not.toHaveProperty('extra');
  });

  it.each([
    ['an unknown kind', { kind: 'script', ...base }],
    [
      'a push without an origin',
      { kind: 'push', ...base, dataLayerName: 'dataLayer', arrayIndex: 1, push: 1 },
    ],
    [
      'a request with an unknown transport',
      { kind: 'request', ...base, transport: 'websocket', method: 'GET', url: 'x' },
    ],
    ['a notice with an unknown code', { kind: 'notice', ...base, code: 'pwned' }],
    [
      'a record without a sequence number',
      { kind: 'notice', ...base, seq: 0, code: 'hook-started' },
    ],
  ])('rejects %s', (_name, record) => {
    expect(readPageBatch(JSON.stringify({ records: [record] }))).toEqual({
      records: [],
      rejected: 1,
    });
  });

  it.each([
    ['text', '{"records":[]}', true],
    ['text at the limit', ' '.repeat(MAX_BATCH_TEXT), true],
    ['text past the limit', ' '.repeat(MAX_BATCH_TEXT + 1), false],
    ['an object', { records: [] }, false],
    ['nothing', undefined, false],
  ])('counts %s as batch text the relay forwards: %s', (_name, detail, isForwarded) => {
    expect(isBatchText(detail)).toBe(isForwarded);
  });

  it.each([
    ['not JSON', '{'],
    ['not a batch', '[1,2]'],
    ['not text', 42],
  ])('rejects a message that is %s', (_name, text) => {
    expect(readPageBatch(text)).toEqual({ records: [], rejected: 1 });
  });

  it('never throws on arbitrary input and leaves Object.prototype clean', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify({ records: [value] })),
        ),
        (text) => {
          const { records } = readPageBatch(text);
          expect(Array.isArray(records)).toBe(true);
          expect(Object.keys(Object.prototype)).toEqual([]);
        },
      ),
    );
    const polluting =
      '{"records":[{"kind":"push","seq":1,"time":1,"pageUrl":"","dataLayerName":"d","arrayIndex":1,"origin":"live","push":{"__proto__":{"polluted":true}}}]}';
    expect(readPageBatch(polluting).records).toHaveLength(1);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
