import { describe, expect, it } from 'vitest';
import { createRecordingNetwork } from '../../gtm-template/sandbox/apis/recording-network.js';
import type { ServerWorldOverrides } from '../../gtm-template/sandbox/apis/default-worlds.js';
import { completionsOf, runServerMirror } from './mirror-runtime.js';
import { purchaseEventData } from './server-event-data.js';

const COLLECTOR_ROWS = 'https://collect.tagwarden.example/rows';

const bothDestinations = {
  sendToBigQuery: true,
  datasetId: 'analytics',
  tableId: 'events_mirror',
  sendToHttp: true,
  httpEndpoint: COLLECTOR_ROWS,
  httpToken: 's3cret',
  httpTimeoutMs: 2000,
  logType: 'always',
};

interface PathCase {
  path: string;
  data?: Record<string, unknown>;
  eventData?: Record<string, unknown>;
  world?: ServerWorldOverrides;
  answer?: Parameters<ReturnType<typeof createRecordingNetwork>['answer']>[1];
  outcome: 'succeeded' | 'failed';
  rowsStored: number;
}

const cases: PathCase[] = [
  { path: 'both destinations store the row', outcome: 'succeeded', rowsStored: 2 },
  {
    path: 'the collector answers 500',
    answer: { statusCode: 500, body: '{"error":"internal"}' },
    outcome: 'failed',
    rowsStored: 1,
  },
  {
    path: 'the collector answers 200 but rejects the row',
    answer: { statusCode: 200, body: '{"stored":0,"rejected":[{"index":0,"reason":"bad"}]}' },
    outcome: 'failed',
    rowsStored: 1,
  },
  {
    path: 'the collector is unreachable',
    answer: { fails: true },
    outcome: 'failed',
    rowsStored: 1,
  },
  {
    path: 'the collector answers after the timeout',
    answer: { latencyMs: 5000 },
    outcome: 'failed',
    rowsStored: 1,
  },
  {
    path: 'BigQuery refuses the insert (no dataset)',
    data: { datasetId: '' },
    outcome: 'failed',
    rowsStored: 1,
  },
  {
    path: 'no destination is chosen',
    data: { sendToBigQuery: false, sendToHttp: false },
    outcome: 'failed',
    rowsStored: 0,
  },
  {
    path: 'the event is on the deny list',
    data: { deniedEvents: [{ name: 'purchase' }] },
    outcome: 'succeeded',
    rowsStored: 0,
  },
  {
    path: 'the event is not on the allow list',
    data: { allowedEvents: [{ name: 'page_view' }] },
    outcome: 'succeeded',
    rowsStored: 0,
  },
  {
    path: 'analytics storage is denied in skip mode',
    data: { consentMode: 'skip' },
    eventData: { 'x-ga-gcs': 'G100' },
    outcome: 'succeeded',
    rowsStored: 0,
  },
  {
    path: 'the hit came from the web mirror (tw_src in the request)',
    world: {
      request: { path: '/g/collect', query: 'v=2&tid=G-ABC123&en=purchase&tw_src=web_mirror' },
    },
    outcome: 'succeeded',
    rowsStored: 0,
  },
  {
    path: 'the event has no name',
    eventData: { event_name: undefined },
    outcome: 'succeeded',
    rowsStored: 0,
  },
];

describe('the server mirror completes the tag exactly once', () => {
  it.each(cases)('when $path', async (testCase) => {
    const network = createRecordingNetwork({ statusCode: 200, body: '{"stored":1,"rejected":[]}' });
    if (testCase.answer !== undefined) network.answer(COLLECTOR_ROWS, testCase.answer);
    const eventData = { ...purchaseEventData(), ...testCase.eventData };

    const { run, world } = await runServerMirror(
      { ...bothDestinations, ...testCase.data },
      eventData,
      testCase.world,
      { network },
    );

    expect(run.errors).toEqual([]);
    expect(run.outcome).toBe(testCase.outcome);
    const completions = completionsOf(run);
    expect(completions.success + completions.failure).toBe(1);
    const posted = network.requests.filter((request) => request.method === 'POST').length;
    const answered = testCase.answer === undefined ? posted : 0;
    expect(world.bigQuery.length + answered).toBe(testCase.rowsStored);
    expect(run.logs.map((entry) => JSON.parse(entry.message) as unknown)).toHaveLength(1);
  });

  it('posts with the bearer token, JSON content type and the timeout it was given', async () => {
    const { requests } = await runServerMirror(bothDestinations, purchaseEventData());

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      api: 'sendHttpRequest',
      url: COLLECTOR_ROWS,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer s3cret' },
      timeoutMs: 2000,
    });
  });
});

describe('the server mirror keeps personal data out unless told otherwise', () => {
  const defaults = { ...bothDestinations, sendToHttp: false };

  it('stores no IP address and no user_data by default', async () => {
    const { world } = await runServerMirror(defaults, purchaseEventData());

    const text = JSON.stringify(world.bigQuery);
    for (const secret of ['203.0.113.7', 'someone@example.com', 'ab12']) {
      expect(text).not.toContain(secret);
    }
  });

  it('stores a truncated IP and SHA-256 hashed user data when asked to', async () => {
    const { world } = await runServerMirror(
      { ...defaults, ipMode: 'truncate', userDataMode: 'hash' },
      purchaseEventData(),
    );

    const params = (world.bigQuery[0]?.rows[0] as { event_params: Array<{ key: string }> })
      .event_params;
    const keys = params.map((param) => param.key);
    expect(keys).toContain('ip_override');
    expect(keys).toContain('user_data.email_address');
    expect(JSON.stringify(params)).toContain('203.0.113.0');
    expect(JSON.stringify(params)).not.toContain('someone@example.com');
  });

  it('drops identifiers when x-ga-gcs denies analytics storage', async () => {
    const { world } = await runServerMirror(
      { ...defaults, ipMode: 'truncate', userDataMode: 'hash' },
      { ...purchaseEventData(), 'x-ga-gcs': 'G100' },
    );

    const row = world.bigQuery[0]?.rows[0] as Record<string, unknown>;
    expect(row.user_pseudo_id).toBeNull();
    expect(row.user_id).toBeNull();
    expect(JSON.stringify(row)).not.toContain('ip_override');
    expect(JSON.stringify(row)).not.toContain('user_data.');
    expect(JSON.stringify(row)).not.toContain('ga_session_id');
  });
});
