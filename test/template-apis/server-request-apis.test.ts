import { describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '../../gtm-template/sandbox/contract.js';
import { readContainerRuns } from '../../gtm-template/sandbox/apis/container-run.js';
import { TemplateApiError } from '../../gtm-template/sandbox/apis/template-api-error.js';
import { permission } from '../template-permissions/permission-entry.js';
import { createApiTestEnvironment } from './api-test-environment.js';

type Fn = (...args: unknown[]) => unknown;

const anyRequest = permission('read_request', {
  requestAccess: 'any',
  headerAccess: 'any',
  queryParameterAccess: 'any',
});

// A server-side GA4 hit from test/fixtures/captures (ids anonymised there), with a batched body.
const ga4Query =
  'v=2&tid=G-F9XM71K45T&gtm=45he5641v9184715813z89184708445za204zb9184708445&_p=1749196701069&gcs=G111' +
  '&cid=111111105.1700000005&ul=en-us&sr=1728x1117&richsstsse&sid=1749196700&sct=3&dl=https%3A%2F%2Fshop.test%2Fcart&dt=Cart';
const ga4Body =
  'en=add_to_cart&ep.currency=EUR&epn.value=19.9&pr1=idSKU-1~nmBlue%20shirt~pr19.9~qt1\nen=view_cart&_et=120';

describe('event data', () => {
  const eventData = {
    event_name: 'purchase',
    items: [{ item_id: 'A1', price: 9.5 }],
    user_data: { email_address: 'a@b.test' },
  };

  it('copies the whole event and single dotted paths', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [permission('read_event_data', { eventDataAccess: 'any' })],
      server: { eventData },
    });
    const all = harness.api('getAllEventData')() as typeof eventData;
    all.items[0]!.price = 0;
    expect(eventData.items[0]?.price).toBe(9.5);
    expect(harness.api('getEventData')('items.0.price')).toBe(9.5);
    expect(harness.api('getEventData')('items.5.price')).toBeUndefined();
    expect(harness.api('getEventData')('__proto__.constructor')).toBeUndefined();
  });

  it('refuses keys outside specific patterns and the whole event', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [
        permission('read_event_data', {
          eventDataAccess: 'specific',
          keyPatterns: ['user_data.*'],
        }),
      ],
      server: { eventData },
    });
    expect(harness.api('getEventData')('user_data.email_address')).toBe('a@b.test');
    expect(() => harness.api('getEventData')('event_name')).toThrow(
      "reading the key 'event_name' of the event data",
    );
    expect(() => harness.api('getAllEventData')()).toThrow('every key of the event data');
  });
});

describe('request accessors', () => {
  const request = {
    method: 'post',
    path: '/g/collect',
    query: 'v=2&tag=a&tag=b&name=%C3%A4',
    headers: {
      'User-Agent': 'Mozilla/5.0',
      'x-multi': 'one',
      'X-Multi': 'two',
      'X-Forwarded-For': '203.0.113.7, 10.0.0.1',
    },
    body: 'en=page_view',
    remoteAddress: '10.0.0.1',
  };

  it('reads each part of the request', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [anyRequest],
      server: { request },
    });
    expect(harness.api('getRequestMethod')()).toBe('POST');
    expect(harness.api('getRequestPath')()).toBe('/g/collect');
    expect(harness.api('getRequestBody')()).toBe('en=page_view');
    expect(harness.api('getRequestQueryString')()).toBe('v=2&tag=a&tag=b&name=%C3%A4');
    expect(harness.api('getRequestQueryParameter')('tag')).toBe('a');
    expect(harness.api('getRequestQueryParameter')('name')).toBe('ä');
    expect(harness.api('getRequestQueryParameter')('missing')).toBeUndefined();
    expect(harness.api('getRequestQueryParameters')()).toEqual({
      v: '2',
      tag: ['a', 'b'],
      name: 'ä',
    });
    expect(harness.api('getRemoteAddress')()).toBe('203.0.113.7');
  });

  it('reads headers case-insensitively, joining repeats with a comma', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [anyRequest],
      server: { request },
    });
    expect(harness.api('getRequestHeader')('user-agent')).toBe('Mozilla/5.0');
    expect(harness.api('getRequestHeader')('X-MULTI')).toBe('one, two');
    expect(harness.api('getRequestHeader')('missing')).toBeUndefined();
  });

  it('falls back to the socket address without proxy headers', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [anyRequest],
      server: { request: { remoteAddress: '192.0.2.1' } },
    });
    expect(harness.api('getRemoteAddress')()).toBe('192.0.2.1');
  });

  it('refuses a header outside the whitelist', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [
        permission('read_request', {
          requestAccess: 'specific',
          headersAllowed: true,
          headerAccess: 'specific',
          headerWhitelist: [{ headerName: 'user-agent' }],
        }),
      ],
      server: { request },
    });
    expect(harness.api('getRequestHeader')('User-Agent')).toBe('Mozilla/5.0');
    expect(() => harness.api('getRequestHeader')('x-multi')).toThrow(
      "getRequestHeader: reading the request header 'x-multi'",
    );
    expect(() => harness.api('getRequestBody')()).toThrow('reading the request body');
  });
});

describe('response setters and returnResponse', () => {
  const responsePermissions = [
    permission('access_response', { writeResponseAccess: 'any', writeHeaderAccess: 'specific' }),
    permission('return_response'),
  ];

  it('builds the response and sends it once', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: responsePermissions,
    });
    harness.api('setResponseStatus')(202);
    harness.api('setResponseHeader')('Content-Type', 'application/json');
    harness.api('setResponseHeader')('content-type', 'text/plain');
    harness.api('setResponseHeader')('X-Remove', 'x');
    harness.api('setResponseHeader')('x-remove', null);
    harness.api('setResponseBody')('{"ok":true}');
    harness.api('returnResponse')();
    harness.api('setResponseStatus')(500);
    expect(harness.server.response).toEqual({
      status: 202,
      headers: { 'content-type': 'text/plain' },
      body: '{"ok":true}',
      sent: true,
    });
  });

  it('decodes a base64 body and answers a pixel', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: responsePermissions,
    });
    harness.api('setResponseBody')('aGk=', 'base64');
    expect(harness.server.response.body).toBe('hi');
    harness.api('setPixelResponse')();
    expect(harness.server.response.status).toBe(200);
    expect(harness.server.response.headers['Content-Type']).toBe('image/gif');
    expect(harness.server.response.body.startsWith('GIF89a')).toBe(true);
  });

  it('refuses setting the body when only status and headers are allowed', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [
        permission('access_response', {
          writeResponseAccess: 'specific',
          writeStatusAllowed: true,
          writeHeadersAllowed: true,
        }),
      ],
    });
    harness.api('setResponseStatus')(204);
    expect(() => harness.api('setResponseBody')('x')).toThrow(
      'setResponseBody: writing the response body is not allowed by the access_response permission',
    );
    expect(() => harness.api('returnResponse')()).toThrow(
      'does not declare the return_response permission',
    );
  });
});

describe('server cookies', () => {
  const permissions = [
    permission('get_cookies', { cookieAccess: 'any' }),
    permission('set_cookies', {
      allowedCookies: [{ name: '*', domain: '*', path: '*', secure: 'any', session: 'any' }],
    }),
  ];

  it('reads request cookies, decoded unless noDecode, from the Cookie header when no list is given', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions,
      server: { request: { headers: { Cookie: 'FPID=a%20b; _ga=GA1.1.1.2; FPID=second' } } },
    });
    expect(harness.api('getCookieValues')('FPID')).toEqual(['a b', 'second']);
    expect(harness.api('getCookieValues')('FPID', true)).toEqual(['a%20b', 'second']);
  });

  it('adds Set-Cookie headers with every option, resolving domain auto from the host', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions,
      server: { request: { headers: { host: 'sst.shop.co.uk:443' } } },
    });
    const setCookie = harness.api('setCookie');
    setCookie('FPID', 'a b', {
      domain: 'auto',
      path: '/',
      'max-age': 63072000,
      expires: 'ignored',
      secure: true,
      HttpOnly: true,
      sameSite: 'Lax',
    });
    setCookie('raw', 'a b', { domain: 'shop.co.uk' }, true);
    expect(harness.server.response.setCookies).toEqual([
      'FPID=a%20b; Domain=shop.co.uk; Path=/; Max-Age=63072000; Secure; HttpOnly; SameSite=Lax',
      'raw=a b; Domain=shop.co.uk; Path=/',
    ]);
  });
});

describe('claimRequest and runContainer', () => {
  it('claims in a client and fails in a tag', () => {
    const client = createApiTestEnvironment({ context: 'server' });
    client.environment.templateKind = 'CLIENT';
    client.api('claimRequest')();
    expect(client.server.requestClaimed).toBe(true);

    const tag = createApiTestEnvironment({ context: 'server' });
    tag.environment.templateKind = 'TAG';
    expect(() => tag.api('claimRequest')()).toThrow(TemplateApiError);
    expect(() => tag.api('claimRequest')()).toThrow(
      'claimRequest: only a client template may claim the request.',
    );
  });

  it('runs the container on an event, calling onStart then onComplete with bindToEvent', async () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [permission('run_container')],
    });
    const order: unknown[] = [];
    const event = { event_name: 'page_view' };
    harness.api('runContainer')(
      event,
      (bindToEvent: Fn) => order.push(['complete', typeof bindToEvent(() => 1)]),
      (bindToEvent: Fn) => order.push(['start', typeof bindToEvent]),
    );
    event.event_name = 'changed later';
    await harness.drain();
    expect(order).toEqual([
      ['start', 'function'],
      ['complete', 'function'],
    ]);
    expect(readContainerRuns(harness.server)).toEqual([{ event_name: 'page_view' }]);
    expect(() => createApiTestEnvironment({ context: 'server' }).api('runContainer')({})).toThrow(
      PermissionDeniedError,
    );
  });
});

describe('messages between templates', () => {
  it('delivers copies of a message to every listener of its type', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [permission('use_message', { allowedActions: 'any' })],
    });
    const received: unknown[] = [];
    expect(harness.api('hasMessageListener')('fb_event')).toBe(false);
    harness.api('addMessageListener')('fb_event', (type: string, message: unknown) =>
      received.push([type, message]),
    );
    expect(harness.api('hasMessageListener')('fb_event')).toBe(true);
    const message = { id: 1 };
    harness.api('sendMessage')('fb_event', message);
    harness.api('sendMessage')('other', message);
    expect(received).toEqual([['fb_event', { id: 1 }]]);
    expect((received[0] as unknown[])[1]).not.toBe(message);
  });
});

describe('Measurement Protocol requests', () => {
  const request = {
    method: 'POST',
    path: '/g/collect',
    query: ga4Query,
    body: ga4Body,
    remoteAddress: '198.51.100.4',
    headers: { 'user-agent': 'UA' },
  };

  it('recognises a GA4 hit and extracts one event per body line', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [anyRequest],
      server: { request },
    });
    expect(harness.api('isRequestMpv2')()).toBe(true);
    expect(harness.api('isRequestMpv1')()).toBe(false);
    const events = harness.api('extractEventsFromMpv2')() as Array<Record<string, unknown>>;
    expect(events.map((event) => event.event_name)).toEqual(['add_to_cart', 'view_cart']);
    expect(events[0]).toMatchObject({
      client_id: '111111105.1700000005',
      ga_session_id: '1749196700',
      ga_session_number: 3,
      currency: 'EUR',
      value: 19.9,
      page_location: 'https://shop.test/cart',
      page_hostname: 'shop.test',
      page_path: '/cart',
      page_title: 'Cart',
      language: 'en-us',
      screen_resolution: '1728x1117',
      ip_override: '198.51.100.4',
      user_agent: 'UA',
      'x-ga-protocol_version': '2',
      'x-ga-measurement_id': 'G-F9XM71K45T',
      'x-ga-gcs': 'G111',
    });
    expect(events[0]?.items).toEqual([
      { item_id: 'SKU-1', item_name: 'Blue shirt', price: 19.9, quantity: 1 },
    ]);
    expect(() => harness.api('extractEventsFromMpv1')()).toThrow(TemplateApiError);
  });

  it('recognises and extracts a Universal Analytics hit', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [anyRequest],
      server: {
        request: {
          method: 'GET',
          path: '/collect',
          query:
            'v=1&t=event&tid=UA-1-1&cid=42.7&ea=signup&ec=account&dl=https%3A%2F%2Fshop.test%2Fa',
          body: '',
        },
      },
    });
    expect(harness.api('isRequestMpv1')()).toBe(true);
    expect(harness.api('isRequestMpv2')()).toBe(false);
    expect(harness.api('extractEventsFromMpv1')()).toEqual([
      expect.objectContaining({
        event_name: 'signup',
        client_id: '42.7',
        'x-ga-measurement_id': 'UA-1-1',
        'x-ga-mp1-ec': 'account',
        page_path: '/a',
        'x-ga-protocol_version': '1',
      }),
    ]);
    expect(() => harness.api('extractEventsFromMpv2')()).toThrow(
      'extractEventsFromMpv2: the request is not a GA4 (/g/collect, v=2) hit.',
    );
  });

  it('relays a browser pixel only for a GA4 hit that asked for it', () => {
    const pixel = permission('send_pixel_from_browser', {
      allowedUrls: 'specific',
      urls: ['https://px.tagwarden.test/'],
    });
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [pixel],
      server: { request },
    });
    expect(harness.api('sendPixelFromBrowser')('https://px.tagwarden.test/p')).toBe(true);
    expect(harness.server.browserPixels).toEqual(['https://px.tagwarden.test/p']);
    const plain = createApiTestEnvironment({ context: 'server', permissions: [pixel] });
    expect(plain.api('sendPixelFromBrowser')('https://px.tagwarden.test/p')).toBe(false);
    expect(() => plain.api('sendPixelFromBrowser')('https://x.test/')).toThrow(
      'send_pixel_from_browser',
    );
  });
});

describe('getClientName and getContainerVersion on the server', () => {
  it('reads them with read_container_data', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [permission('read_container_data')],
      server: { clientName: 'GA4' },
    });
    expect(harness.api('getClientName')()).toBe('GA4');
    expect(harness.api('getContainerVersion')()).toMatchObject({
      containerId: 'GTM-TAGWARDEN-SERVER',
    });
  });
});
