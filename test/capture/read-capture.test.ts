import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../shared/capture/read-capture.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/captures/${name}`, import.meta.url), 'utf8');

describe('reading captures', () => {
  it('reads every entry of a DevTools HAR export with its method, body and page', () => {
    const result = readCapture(fixture('shop-journey.har'), 'shop-journey.har');

    expect(result.format).toBe('har');
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(17);
    const batched = result.records.find(
      (record) => record.kind === 'request' && record.body?.includes('\r\n'),
    );
    expect(batched).toMatchObject({
      method: 'POST',
      source: { file: 'shop-journey.har', entry: 7 },
    });
    expect(result.records[0]).toMatchObject({ pageUrl: 'https://www.garbarino.com/' });
  });

  it('reads an NDJSON capture of pushes and requests in recorded order', () => {
    const result = readCapture(fixture('datalayer-session.ndjson'), 'session.ndjson');

    expect(result.format).toBe('ndjson');
    expect(result.errors).toEqual([]);
    expect(result.records.map((record) => record.kind)).toEqual([
      'push',
      'push',
      'push',
      'push',
      'push',
      'push',
      'push',
      'request',
      'push',
      'push',
      'push',
      'push',
      'push',
      'push',
      'push',
    ]);
    expect(result.records[0]).toMatchObject({ push: { $arguments: ['consent', 'default', {}] } });
  });

  it('keeps every good NDJSON line and names the bad ones with their line numbers', () => {
    const text = [
      '{"type":"push","push":{"event":"login"}}',
      '{"type":"push","push":',
      '[1,2]',
      '{"type":"request"}',
      '{"type":"request","url":"https://www.google-analytics.com/g/collect?v=2&en=x"}',
    ].join('\n');

    const result = readCapture(text, 'broken.ndjson');

    expect(result.format).toBe('ndjson');
    expect(result.records).toHaveLength(2);
    expect(result.errors.map((error) => error.source.line)).toEqual([2, 3, 4]);
    expect(result.errors[0]?.message).toMatch(/^broken\.ndjson:2: not valid JSON/);
    expect(result.errors[2]?.message).toContain('no string "url"');
  });

  it('reads a URL list with comments, blank lines and a tab-separated batched body', () => {
    const result = readCapture(fixture('pasted-urls.txt'), 'pasted-urls.txt');

    expect(result.format).toBe('url-list');
    expect(result.records).toHaveLength(3);
    expect(result.records[0]).toMatchObject({ method: 'POST', source: { line: 2 } });
    expect(result.records[0]?.kind === 'request' && result.records[0].body).toBe(
      'en=page_view&_ee=1\r\nen=custom_event&_ee=1&epn.1=1&ep.a=a&upn.2=2&up.b=b',
    );
  });

  it('names the line of a JSON syntax error in a HAR file', () => {
    const text = '{\n  "log": {\n    "entries": [\n      {"request": }\n    ]\n  }\n}\n';

    const result = readCapture(text, 'cut.har');

    expect(result.records).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.source).toEqual({ file: 'cut.har', line: 4 });
    expect(result.errors[0]?.hint).toMatch(/Export the HAR again/);
  });

  it('skips a HAR entry without a request URL and keeps the rest', () => {
    const text = JSON.stringify({
      log: { entries: [{ request: {} }, { request: { url: 'https://x.test/g/collect?v=2' } }] },
    });

    const result = readCapture(text, 'partial.har');

    expect(result.records).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: { file: 'partial.har', entry: 0 } });
  });

  it('does not mistake a JSON document without "log" for a HAR file or crash on it', () => {
    const result = readCapture('{\n "entries": []\n}', 'other.json');

    expect(result.records).toEqual([]);
    expect(result.errors[0]?.message).toContain('no "log.entries" array');
  });
});
