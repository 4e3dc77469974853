import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHar } from '../../shared/capture/read-har.js';
import { readSessionFile } from '../../extension/src/panel/export/read-session-file.js';
import { requestToCurl } from '../../extension/src/panel/export/request-to-curl.js';
import { rowsToCsv } from '../../extension/src/panel/export/rows-to-csv.js';
import { sessionToHar } from '../../extension/src/panel/export/session-to-har.js';
import { sessionToNdjson } from '../../extension/src/panel/export/session-to-ndjson.js';
import { analyseSession } from '../../extension/src/panel/model/analyse-session.js';
import { shopPlan, shopSession } from './panel-fixtures.js';

describe('the session export, and reading it back', () => {
  it('re-loads an exported session as the same session', () => {
    const session = shopSession();
    const {
      session: readBack,
      format,
      errors,
    } = readSessionFile(sessionToNdjson(session), 'saved.ndjson');
    expect(format).toBe('session');
    expect(errors).toEqual([]);
    expect(readBack).toEqual({ ...session, tabId: -1 });
  });

  it('writes one capture line per push and hit that tagwarden check reads, the session header riding on the first', () => {
    const lines = sessionToNdjson(shopSession())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line['type'])).toEqual([
      ...Array<string>(5).fill('push'),
      'request',
      'push',
      'push',
      ...Array<string>(5).fill('request'),
    ]);
    expect(lines.map((line) => line['seq'])).toEqual(lines.map((_, index) => index + 1));
    expect(lines[0]?.['session']).toMatchObject({
      format: 'tagwarden-session',
      version: 1,
      navigations: [{ id: 1 }, { id: 2 }],
    });
    const batch = lines.find((line) => typeof line['body'] === 'string');
    expect(batch).toMatchObject({
      type: 'request',
      method: 'POST',
      pageUrl: 'https://shop.example.test/product/stan-tee',
    });
  });

  it('reports a line that is no push or hit by its number, and keeps the rest', () => {
    const text = sessionToNdjson(shopSession()).replace(
      /\n/,
      '\n{"type":"request","seq":"x"}\nnot json\n',
    );
    const { session, errors } = readSessionFile(text, 'edited.ndjson');
    expect(errors.map((error) => error.message)).toEqual([
      'edited.ndjson:2: not a push or a hit of a tagwarden session',
      'edited.ndjson:3: not a push or a hit of a tagwarden session',
    ]);
    expect(session.pushes.length + session.hits.length).toBe(
      shopSession().pushes.length + shopSession().hits.length,
    );
  });

  it('writes the hits as a HAR that tagwarden check reads back to the same requests', () => {
    const session = shopSession();
    const har = sessionToHar(session, '0.1.0');
    const { records, errors } = readHar(har, 'session.har');
    expect(errors).toEqual([]);
    expect(
      records.map((record) =>
        record.kind === 'request' ? [record.method, record.url, record.body, record.pageUrl] : [],
      ),
    ).toEqual(
      session.hits.map((hit) => [
        hit.method,
        hit.url,
        hit.page?.body,
        session.navigations.find((navigation) => navigation.id === hit.navigationId)?.url,
      ]),
    );
    const parsed = JSON.parse(har) as {
      log: {
        version: string;
        pages: unknown[];
        entries: Array<{ response: { status: number }; _tagwarden: { seq: number } }>;
      };
    };
    expect(parsed.log.version).toBe('1.2');
    expect(parsed.log.pages).toHaveLength(2);
    expect(parsed.log.entries.map((entry) => entry.response.status)).toEqual(
      session.hits.map(() => 204),
    );
    expect(parsed.log.entries.map((entry) => entry._tagwarden.seq)).toEqual(
      session.hits.map((hit) => hit.seq),
    );
  });

  it('writes the rows as CSV with their verdicts, quoting what needs quotes and defusing spreadsheet formulas', () => {
    const rows = analyseSession(shopSession(), shopPlan()).rows;
    const csv = rowsToCsv(rows);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'seq,time,page_url,layer,vendor,measurement_id,name,status,violation_codes,violation_paths,violation_messages,key_params,consent,pii',
    );
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.find((line) => line.startsWith('7,'))).toMatch(
      /,datalayer,dataLayer,,add_to_cart,invalid,pattern_mismatch,\/currency,/,
    );
    const hostile = rowsToCsv([{ ...rows[0]!, label: '=HYPERLINK("http://x.example","a, b")' }]);
    expect(hostile.split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://x.example"",""a, b"")"`);
  });

  it.each([
    [
      { url: 'https://a.example/g/collect?v=2&en=x' },
      "curl 'https://a.example/g/collect?v=2&en=x'",
    ],
    [
      { url: 'https://a.example/g/collect', method: 'post', body: "en=it's\nen=b" },
      "curl 'https://a.example/g/collect' -X 'POST' -H 'content-type: text/plain;charset=UTF-8' --data-raw 'en=it'\\''s\nen=b'",
    ],
    [
      { url: "https://a.example/x?$(rm -rf ~)'`id`", method: 'GET' },
      "curl 'https://a.example/x?$(rm -rf ~)'\\''`id`'",
    ],
  ])('quotes a request as cURL for a POSIX shell: %j', (request, expected) => {
    expect(requestToCurl(request)).toBe(expected);
  });
});

describe('reading hostile session files', () => {
  const field = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.constant('__proto__'),
    fc.array(fc.string(), { maxLength: 2 }),
  );
  const line = fc.oneof(
    fc.dictionary(
      fc.constantFrom(
        'type',
        'seq',
        'push',
        'url',
        'page',
        'network',
        'session',
        '__proto__',
        'constructor',
        'body',
      ),
      field,
    ),
    fc.record({
      type: fc.constantFrom('push', 'request'),
      seq: fc.integer(),
      url: fc.string(),
      push: field,
      page: fc.dictionary(fc.string(), field),
      session: fc.constant({
        format: 'tagwarden-session',
        navigations: [{ id: 1, url: 5 }, '__proto__'],
      }),
    }),
  );

  it('never throws and leaves Object.prototype clean, whatever the lines hold', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), (lines, isSessionFirst) => {
        const texts = lines.map((entry) => JSON.stringify(entry));
        if (isSessionFirst)
          texts.unshift(
            '{"type":"push","seq":1,"push":{"__proto__":{"polluted":1}},"session":{"format":"tagwarden-session"}}',
          );
        const imported = readSessionFile(texts.join('\n'), 'fuzz.ndjson');
        analyseSession(imported.session, shopPlan());
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
