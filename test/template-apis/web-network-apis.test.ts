import { describe, expect, it } from 'vitest';
import { permission } from '../template-permissions/permission-entry.js';
import { createApiTestEnvironment } from './api-test-environment.js';

const permissions = [
  permission('send_pixel', {
    allowedUrls: 'specific',
    urls: ['https://collector.tagwarden.test/'],
  }),
  permission('inject_script', { urls: ['https://cdn.tagwarden.test/*'] }),
  permission('inject_hidden_iframe', { urls: ['https://frames.tagwarden.test/'] }),
];

describe('sendPixel', () => {
  it('sends a GET through the network and calls onSuccess after the answer', async () => {
    const harness = createApiTestEnvironment({ permissions });
    const outcomes: string[] = [];
    harness.api('sendPixel')(
      'https://collector.tagwarden.test/p?en=purchase',
      () => outcomes.push('success'),
      () => outcomes.push('failure'),
    );
    expect(outcomes).toEqual([]);
    await harness.drain();
    expect(outcomes).toEqual(['success']);
    expect(harness.network.requests).toEqual([
      {
        api: 'sendPixel',
        url: 'https://collector.tagwarden.test/p?en=purchase',
        method: 'GET',
        headers: {},
      },
    ]);
  });

  it('calls onFailure for an error status or a failed request', async () => {
    const harness = createApiTestEnvironment({ permissions });
    harness.network.answer('https://collector.tagwarden.test/404', { statusCode: 404 });
    harness.network.answer('https://collector.tagwarden.test/down', { fails: true });
    const outcomes: string[] = [];
    for (const path of ['404', 'down']) {
      harness.api('sendPixel')(
        `https://collector.tagwarden.test/${path}`,
        () => outcomes.push(`${path} success`),
        () => outcomes.push(`${path} failure`),
      );
    }
    await harness.drain();
    expect(outcomes.sort()).toEqual(['404 failure', 'down failure']);
  });

  it('refuses a URL outside send_pixel before sending anything', () => {
    const harness = createApiTestEnvironment({ permissions });
    expect(() => harness.api('sendPixel')('https://x.test/p')).toThrow(
      'sendPixel: the URL https://x.test/p is not allowed by the send_pixel permission; add it to its allowed URLs',
    );
    expect(harness.network.requests).toEqual([]);
  });
});

describe('injectScript and injectHiddenIframe', () => {
  it('loads a script once per cache token and tells every caller', async () => {
    const harness = createApiTestEnvironment({ permissions });
    const outcomes: string[] = [];
    const injectScript = harness.api('injectScript');
    injectScript(
      'https://cdn.tagwarden.test/mirror.js',
      () => outcomes.push('first'),
      () => outcomes.push('first failed'),
      'mirror',
    );
    injectScript(
      'https://cdn.tagwarden.test/mirror.js',
      () => outcomes.push('second'),
      () => outcomes.push('second failed'),
      'mirror',
    );
    await harness.drain();
    injectScript(
      'https://cdn.tagwarden.test/mirror.js',
      () => outcomes.push('third'),
      () => undefined,
      'mirror',
    );
    await harness.drain();
    expect(outcomes).toEqual(['first', 'second', 'third']);
    expect(harness.network.requests).toHaveLength(1);
  });

  it('loads again without a cache token, and reports a failed script', async () => {
    const harness = createApiTestEnvironment({ permissions });
    harness.network.answer('https://cdn.tagwarden.test/missing.js', { statusCode: 404 });
    const outcomes: string[] = [];
    harness.api('injectScript')(
      'https://cdn.tagwarden.test/missing.js',
      () => outcomes.push('loaded'),
      () => outcomes.push('failed'),
    );
    harness.api('injectScript')(
      'https://cdn.tagwarden.test/missing.js',
      () => outcomes.push('loaded'),
      () => outcomes.push('failed'),
    );
    await harness.drain();
    expect(outcomes).toEqual(['failed', 'failed']);
    expect(harness.network.requests).toHaveLength(2);
  });

  it('loads an iframe below an allowed folder and refuses another host', async () => {
    const harness = createApiTestEnvironment({ permissions });
    const outcomes: string[] = [];
    harness.api('injectHiddenIframe')('https://frames.tagwarden.test/sync/a.html', () =>
      outcomes.push('loaded'),
    );
    await harness.drain();
    expect(outcomes).toEqual(['loaded']);
    expect(() => harness.api('injectHiddenIframe')('https://frames.evil.test/')).toThrow(
      'inject_hidden_iframe',
    );
    expect(() =>
      harness.api('injectScript')(
        'http://cdn.tagwarden.test/x.js',
        () => undefined,
        () => undefined,
      ),
    ).toThrow('the URL http://cdn.tagwarden.test/x.js');
  });
});
