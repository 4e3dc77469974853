import { describe, expect, it } from 'vitest';
import { permission } from '../template-permissions/permission-entry.js';
import { createApiTestEnvironment } from './api-test-environment.js';

type Fn = (...args: unknown[]) => unknown;
interface ThenLike {
  then: (onFulfilled?: unknown, onRejected?: unknown) => ThenLike;
}

const permissions = [
  permission('send_http', {
    allowedUrls: 'specific',
    urls: ['https://collector.tagwarden.test/'],
    allowGoogleDomains: true,
  }),
  permission('use_google_credentials', {
    allowedScopes: ['https://www.googleapis.com/auth/datastore'],
  }),
];

function setup() {
  const harness = createApiTestEnvironment({ context: 'server', permissions });
  harness.network.answer('https://collector.tagwarden.test/ok', {
    statusCode: 201,
    headers: { 'Content-Type': 'text/plain' },
    body: 'stored',
  });
  harness.network.answer('https://collector.tagwarden.test/slow', { latencyMs: 20_000 });
  harness.network.answer('https://collector.tagwarden.test/down', { fails: true });
  harness.network.answer('https://collector.tagwarden.test/error', {
    statusCode: 500,
    body: 'oops',
  });
  return harness;
}

function settle(promise: unknown, seen: unknown[]): void {
  (promise as ThenLike).then(
    (value: unknown) => seen.push({ resolved: value }),
    (reason: unknown) => seen.push({ rejected: reason }),
  );
}

describe('sendHttpRequest', () => {
  it('calls back with status, headers and body in the callback style', async () => {
    const harness = setup();
    const seen: unknown[] = [];
    const result = harness.api('sendHttpRequest')(
      'https://collector.tagwarden.test/ok',
      (statusCode: number, headers: unknown, body: string) =>
        seen.push([statusCode, headers, body]),
      { method: 'post', headers: { 'Content-Type': 'application/json' } },
      '{"event_name":"purchase"}',
    );
    expect(result).toBeUndefined();
    await harness.drain();
    expect(seen).toEqual([[201, { 'content-type': 'text/plain' }, 'stored']]);
    expect(harness.network.requests).toEqual([
      {
        api: 'sendHttpRequest',
        url: 'https://collector.tagwarden.test/ok',
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"event_name":"purchase"}',
        timeoutMs: 15000,
      },
    ]);
  });

  it('resolves a promise in the promise style, for error statuses too', async () => {
    const harness = setup();
    const seen: unknown[] = [];
    settle(
      harness.api('sendHttpRequest')(
        'https://collector.tagwarden.test/ok',
        { method: 'POST' },
        'body',
      ),
      seen,
    );
    settle(harness.api('sendHttpRequest')('https://collector.tagwarden.test/error'), seen);
    await harness.drain();
    expect(seen).toContainEqual({
      resolved: { statusCode: 201, headers: { 'content-type': 'text/plain' }, body: 'stored' },
    });
    expect(seen).toContainEqual({ resolved: { statusCode: 500, headers: {}, body: 'oops' } });
    expect(harness.network.requests[0]?.body).toBe('body');
  });

  it('rejects with timed_out when the answer is slower than the timeout, default 15000 ms', async () => {
    const harness = setup();
    const seen: unknown[] = [];
    settle(harness.api('sendHttpRequest')('https://collector.tagwarden.test/slow'), seen);
    settle(
      harness.api('sendHttpRequest')('https://collector.tagwarden.test/slow', { timeout: 30_000 }),
      seen,
    );
    await harness.drain();
    expect(seen).toContainEqual({ rejected: { reason: 'timed_out' } });
    expect(seen).toContainEqual({ resolved: { statusCode: 200, headers: {}, body: '' } });
    expect(harness.network.requests.map((request) => request.timeoutMs)).toEqual([15000, 30000]);
  });

  it('rejects with failed when the request cannot be made, and calls back without a status', async () => {
    const harness = setup();
    const seen: unknown[] = [];
    settle(harness.api('sendHttpRequest')('https://collector.tagwarden.test/down'), seen);
    harness.api('sendHttpRequest')(
      'https://collector.tagwarden.test/slow',
      (...args: unknown[]) => seen.push(args),
      { timeout: 100 },
    );
    await harness.drain();
    expect(seen).toContainEqual({ rejected: { reason: 'failed' } });
    expect(seen).toContainEqual([undefined, {}, undefined]);
  });

  it('attaches Google credentials from getGoogleAuth', async () => {
    const harness = setup();
    const auth = harness.api('getGoogleAuth')({
      scopes: ['https://www.googleapis.com/auth/datastore'],
    });
    harness.api('sendHttpRequest')('https://collector.tagwarden.test/ok', {
      authorization: structuredClone(auth),
    });
    await harness.drain();
    expect(harness.network.requests[0]?.headers.Authorization).toBe(
      'Bearer emulated-google-credentials',
    );
    expect(() =>
      harness.api('getGoogleAuth')({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] }),
    ).toThrow('use_google_credentials');
  });

  it('refuses a URL outside send_http', () => {
    const harness = setup();
    expect(() =>
      harness.api('sendHttpRequest')('https://api.vendor.test/', () => undefined),
    ).toThrow(
      'sendHttpRequest: the URL https://api.vendor.test/ is not allowed by the send_http permission; add it to its allowed URLs',
    );
    expect(harness.network.requests).toEqual([]);
  });
});

describe('sendHttpGet', () => {
  it('always sends GET, in both call styles', async () => {
    const harness = setup();
    const seen: unknown[] = [];
    harness.api('sendHttpGet')(
      'https://collector.tagwarden.test/ok',
      (statusCode: number) => seen.push(statusCode),
      { method: 'POST' },
    );
    settle(
      harness.api('sendHttpGet')('https://collector.tagwarden.test/ok', { timeout: 500 }),
      seen,
    );
    await harness.drain();
    expect(seen).toContainEqual(201);
    expect(seen).toContainEqual({
      resolved: { statusCode: 201, headers: { 'content-type': 'text/plain' }, body: 'stored' },
    });
    expect(harness.network.requests.map((request) => [request.method, request.timeoutMs])).toEqual([
      ['GET', 15000],
      ['GET', 500],
    ]);
  });
});

describe('Google services', () => {
  it('sends an event to GA4 as a /g/collect hit and resolves with its location', async () => {
    const harness = setup();
    harness.network.answer('https://region1.google-analytics.com/', {
      statusCode: 204,
      headers: { Location: 'https://x.test/next' },
    });
    const seen: unknown[] = [];
    settle(
      harness.api('sendEventToGoogleAnalytics')({
        event_name: 'purchase',
        client_id: '42.1700000000',
        'x-ga-measurement_id': 'G-TEST',
        value: 9.5,
        currency: 'EUR',
        'x-ga-gcs': 'G111',
      }),
      seen,
    );
    await harness.drain();
    expect(seen).toEqual([{ resolved: { location: 'https://x.test/next' } }]);
    const url = new URL(harness.network.requests[0]?.url ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      v: '2',
      en: 'purchase',
      cid: '42.1700000000',
      tid: 'G-TEST',
      'epn.value': '9.5',
      'ep.currency': 'EUR',
    });
  });

  it('needs allowGoogleDomains to reach Google', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [
        permission('send_http', {
          allowedUrls: 'specific',
          urls: ['https://collector.tagwarden.test/'],
        }),
      ],
    });
    expect(() => harness.api('sendEventToGoogleAnalytics')({ event_name: 'x' })).toThrow(
      'region1.google-analytics.com',
    );
  });

  it('fetches a Google script and rejects an unknown script type', async () => {
    const harness = setup();
    harness.network.answer('https://www.googletagmanager.com/gtag/js', {
      body: '/* gtag */',
      headers: { etag: 'v1' },
    });
    const seen: unknown[] = [];
    settle(harness.api('getGoogleScript')('GTAG', { id: 'G-TEST' }), seen);
    settle(harness.api('getGoogleScript')('NOPE'), seen);
    await harness.drain();
    expect(seen).toContainEqual({ resolved: { script: '/* gtag */', metadata: { etag: 'v1' } } });
    expect(seen).toContainEqual({ rejected: { reason: 'failed' } });
    expect(harness.network.requests[0]?.url).toBe(
      'https://www.googletagmanager.com/gtag/js?id=G-TEST',
    );
  });
});

describe('a callback that runs sandbox code', () => {
  it('receives its arguments after the tracked request settles', async () => {
    const harness = setup();
    const order: string[] = [];
    harness.api<Fn>('sendHttpGet')('https://collector.tagwarden.test/ok', () =>
      order.push('callback'),
    );
    harness.api('callLater')(() => order.push('callLater'));
    await harness.drain();
    expect(order).toEqual(['callLater', 'callback']);
  });
});
