import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventDataToMirrorRow } from '../../shared/warehouse/event-data-to-mirror-row.js';
import { MIRROR_COLUMNS } from '../../shared/warehouse/mirror-columns.js';
import type { MirrorContext, MirrorRow } from '../../shared/warehouse/mirror-row.js';
import { readMirrorRow } from '../../shared/warehouse/read-mirror-row.js';
import { MIRROR_TEST_TIME, runServerMirror } from './mirror-runtime.js';
import { otherEventData, purchaseEventData, USER_AGENTS } from './server-event-data.js';

const context: MirrorContext = {
  source: 'server_mirror',
  receivedAt: MIRROR_TEST_TIME,
  templateVersion: '1.0.0',
};

/** Store as received, post to a collector: the settings under which the row must equal the TypeScript one. */
const asReceived = {
  sendToBigQuery: false,
  sendToHttp: true,
  httpEndpoint: 'https://collect.tagwarden.example/rows',
  httpToken: 'token',
  consentMode: 'ignore',
  logType: 'no',
};

/** The row the template posted, as JSON carried it. */
async function templateRow(
  eventData: Record<string, unknown>,
  data: Record<string, unknown> = asReceived,
): Promise<MirrorRow> {
  const { run, requests } = await runServerMirror(data, eventData);
  expect(run.errors).toEqual([]);
  expect(requests).toHaveLength(1);
  const body = JSON.parse(requests[0]!.body ?? '') as { rows: MirrorRow[] };
  return body.rows[0]!;
}

/** The TypeScript mapping's row for the same event data, through the same JSON. */
function typeScriptRow(eventData: Record<string, unknown>): MirrorRow {
  const row = eventDataToMirrorRow(eventData, context);
  if (row === null) throw new Error('the event data has no event_name');
  return JSON.parse(JSON.stringify(row)) as MirrorRow;
}

describe('the server mirror builds the row the TypeScript mapping builds', () => {
  it('for the A28 purchase as sGTM event data, every column in MIRROR_COLUMNS order', async () => {
    const eventData = purchaseEventData();

    const row = await templateRow(eventData);

    expect(row).toEqual(typeScriptRow(eventData));
    expect(Object.keys(row)).toEqual(MIRROR_COLUMNS.map((column) => column.name));
    expect(row.event_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each(otherEventData())('for %s', async (_label, eventData) => {
    expect(await templateRow(eventData)).toEqual(typeScriptRow(eventData));
  });

  it('with its default settings when consent is granted', async () => {
    const eventData = purchaseEventData();
    const defaults = {
      ...asReceived,
      consentMode: 'anonymize',
      ipMode: 'drop',
      userDataMode: 'drop',
    };

    expect(await templateRow(eventData, defaults)).toEqual(typeScriptRow(eventData));
  });

  it('that the collector takes as it is through POST /rows', async () => {
    const row = await templateRow(purchaseEventData());

    const reading = readMirrorRow(row, context);

    expect(reading).toEqual({ row: typeScriptRow(purchaseEventData()) });
  });

  it('and writes the same row to BigQuery, the consent column as JSON text', async () => {
    const eventData = purchaseEventData();
    const data = {
      ...asReceived,
      sendToBigQuery: true,
      sendToHttp: false,
      datasetId: 'ga',
      tableId: 'mirror',
    };

    const { run, world } = await runServerMirror(data, eventData);

    expect(run.outcome).toBe('succeeded');
    const expected = typeScriptRow(eventData);
    expect(world.bigQuery).toEqual([
      {
        table: { projectId: 'GOOGLE_CLOUD_PROJECT', datasetId: 'ga', tableId: 'mirror' },
        rows: [{ ...expected, consent: JSON.stringify(expected.consent) }],
        options: { ignoreUnknownValues: true, skipInvalidRows: false },
      },
    ]);
  });
});

const jsonLeaf = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\ud800 lone', 'a\u0000b', '\udc00', '😀 pair', '__proto__'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
  fc.boolean(),
  fc.constant(null),
);
const jsonValue = fc.oneof(
  jsonLeaf,
  fc.array(jsonLeaf, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), jsonLeaf, { maxKeys: 3 }),
);
const wireNumberText = fc.oneof(
  fc.constantFrom('21.01', '3', '1e3', '-0.5', '+7', '', 'NaN', '0x10', ' 5', '1.2.3'),
  fc.integer().map(String),
);
const pageLocation = fc.oneof(
  fc.constantFrom(
    'https://www.example.com/?utm_source=a+b&utm_medium=%E2%82%AC&gclid=X',
    'https://www.example.com/?utm_source=%E0%A4%A&utm_campaign=%FFx%41',
    'http://EXAMPLE.com:8080/p#frag?utm_source=nope',
    'https://a@b@c/x?utm_term=1&utm_term=2',
    'not a url?utm_content=%',
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);
const item = fc.record(
  {
    item_id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
    item_name: fc.string({ unit: 'binary', maxLength: 12 }),
    price: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), wireNumberText),
    quantity: fc.oneof(fc.integer({ min: -5, max: 50 }), wireNumberText, fc.constant(1.5)),
    index: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.string({ maxLength: 3 })),
    item_list_name: fc.string({ maxLength: 8 }),
    custom: jsonValue,
  },
  { requiredKeys: [] },
);

describe('the server mirror on arbitrary event data', () => {
  it('builds the same row as eventDataToMirrorRow, never errors and completes once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            event_name: fc.oneof(
              fc.constantFrom('purchase', 'refund', 'page_view'),
              fc.string({ minLength: 1, maxLength: 12 }),
            ),
            event_id: fc.oneof(
              fc.string({ maxLength: 10 }),
              fc.constantFrom('undefined', ' null '),
              fc.integer(),
            ),
            client_id: fc.oneof(
              fc.constantFrom('123.1700000000', '1.99', '00.1104537600'),
              fc.string({ maxLength: 12 }),
            ),
            user_id: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
            'x-ga-measurement_id': fc.constantFrom('G-ABC123', ''),
            'x-ga-gcs': fc.constantFrom('G100', 'G101', 'G110', 'G111', 'G1', 'X111'),
            'x-ga-gcd': fc.stringMatching(/^[0-9][0-9]([a-zA-Z][0-9]){0,6}[a-z]?$/),
            'x-ga-npa': fc.oneof(fc.integer({ min: 0, max: 1 }), fc.boolean()),
            'x-ga-dma': fc.oneof(fc.boolean(), fc.constantFrom('1', '0')),
            'x-ga-page_id': fc.oneof(fc.integer(), wireNumberText),
            'x-ga-request_count': fc.oneof(fc.integer({ min: 0, max: 99 }), wireNumberText),
            user_agent: fc.oneof(
              fc.constantFrom(...Object.values(USER_AGENTS)),
              fc.string({ maxLength: 30 }),
            ),
            language: fc.string({ maxLength: 6 }),
            page_location: pageLocation,
            page_hostname: fc.domain(),
            ga_session_id: fc.oneof(fc.integer(), wireNumberText),
            currency: fc.constantFrom('USD', 'EUR', ''),
            value: fc.oneof(fc.double({ noNaN: true }), wireNumberText),
            transaction_id: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
            item_list_id: fc.string({ maxLength: 6 }),
            user_properties: fc.dictionary(fc.string({ maxLength: 6 }), jsonLeaf, { maxKeys: 3 }),
            items: fc.array(item, { maxLength: 4 }),
          },
          { requiredKeys: ['event_name'] },
        ),
        fc.dictionary(
          fc.oneof(
            fc.string({ maxLength: 8 }),
            fc.constantFrom('__proto__', 'k\ud800', 'user_data.x'),
          ),
          jsonValue,
          { maxKeys: 4 },
        ),
        async (known, extra) => {
          const eventData = { ...extra, ...known };

          const { run, requests } = await runServerMirror(asReceived, eventData);

          expect(run.errors).toEqual([]);
          const calls = run.calls.filter((call) => call.api.startsWith('gtmOn'));
          expect(calls).toHaveLength(1);
          const row = (JSON.parse(requests[0]!.body ?? '') as { rows: MirrorRow[] }).rows[0];
          expect(row).toEqual(typeScriptRow(eventData));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
