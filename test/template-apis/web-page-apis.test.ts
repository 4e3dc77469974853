import { describe, expect, it } from 'vitest';
import { PermissionDeniedError, SandboxReference } from '../../gtm-template/sandbox/contract.js';
import { permission } from '../template-permissions/permission-entry.js';
import { createApiTestEnvironment } from './api-test-environment.js';

type Fn = (...args: unknown[]) => unknown;

const globalKey = (key: string, read: boolean, write: boolean, execute: boolean) => ({
  key,
  read,
  write,
  execute,
});

describe('window globals', () => {
  const permissions = [
    permission('access_globals', {
      keys: [
        globalKey('shop', true, true, false),
        globalKey('shop.cart', true, false, false),
        globalKey('vendor.track', false, false, true),
        globalKey('vendor.broken', false, false, true),
        globalKey('alias', true, true, false),
        globalKey('dataLayer', true, true, false),
        globalKey('gtag', true, true, false),
        globalKey('queue', true, true, false),
      ],
    }),
  ];

  it('copies values deeply, so changes do not reach the page, and drops what cannot cross', () => {
    const harness = createApiTestEnvironment({
      permissions,
      web: { window: { shop: { cart: { items: [{ id: 'A1' }] }, opened: new Date(0) } } },
    });
    const copy = harness.api('copyFromWindow')('shop') as {
      cart: { items: Array<{ id: string }> };
      opened: unknown;
    };
    copy.cart.items[0]!.id = 'changed';
    expect(copy.opened).toBeUndefined();
    expect(harness.api('copyFromWindow')('shop.cart')).toEqual({ items: [{ id: 'A1' }] });
    // access_globals keys match exactly: granting `shop.cart` does not grant what lies below it.
    expect(() => harness.api('copyFromWindow')('shop.cart.items')).toThrow(PermissionDeniedError);
  });

  it('sets values, keeping an existing one unless told to override', () => {
    const harness = createApiTestEnvironment({
      permissions,
      web: { window: { shop: { name: 'old' } } },
    });
    const setInWindow = harness.api('setInWindow');
    expect(setInWindow('shop', { name: 'new' })).toBe(false);
    expect(harness.web.window.shop).toEqual({ name: 'old' });
    expect(setInWindow('shop', { name: 'new' }, true)).toBe(true);
    expect(harness.web.window.shop).toEqual({ name: 'new' });
  });

  it('refuses setInWindow on a read-only key, naming it', () => {
    const harness = createApiTestEnvironment({ permissions });
    expect(() => harness.api('setInWindow')('shop.cart', 1, true)).toThrow(
      "setInWindow: readwrite access to the global 'shop.cart' is not allowed by the access_globals permission",
    );
  });

  it('calls a page function with its holder as this, copying the result', () => {
    const vendor = {
      calls: [] as unknown[],
      track(this: { calls: unknown[] }, ...args: unknown[]) {
        this.calls.push(args);
        return { ok: true, when: new Date(0) };
      },
      broken() {
        throw new Error('page bug');
      },
    };
    const harness = createApiTestEnvironment({ permissions, web: { window: { vendor } } });
    expect(harness.api('callInWindow')('vendor.track', 'purchase', { value: 1 })).toEqual({
      ok: true,
      when: undefined,
    });
    expect(vendor.calls).toEqual([['purchase', { value: 1 }]]);
    expect(harness.api('callInWindow')('vendor.broken')).toBeUndefined();
    expect(harness.logs.at(-1)?.values[0]).toContain('threw: page bug');
  });

  it('refuses callInWindow without execute access', () => {
    const harness = createApiTestEnvironment({ permissions, web: { window: { shop: () => 1 } } });
    expect(() => harness.api('callInWindow')('shop')).toThrow(PermissionDeniedError);
  });

  it('aliases one global to the same value at another path', () => {
    const shop = { id: 1 };
    const harness = createApiTestEnvironment({ permissions, web: { window: { shop } } });
    expect(harness.api('aliasInWindow')('alias', 'shop')).toBe(true);
    expect(harness.web.window.alias).toBe(shop);
    expect(harness.api('aliasInWindow')('alias', 'dataLayer')).toBe(false);
  });

  it('pushes through a queue, creating the array and using its own push', () => {
    const harness = createApiTestEnvironment({ permissions });
    const push = harness.api<Fn>('createQueue')('dataLayer') as Fn;
    push({ event: 'mirror_ready' });
    expect(harness.web.window.dataLayer).toEqual([{ event: 'mirror_ready' }]);
    const handled: unknown[] = [];
    const dataLayer = harness.web.window.dataLayer as unknown[] & { push: Fn };
    dataLayer.push = (...values: unknown[]) => handled.push(...values);
    push({ event: 'second' });
    expect(handled).toEqual([{ event: 'second' }]);
  });

  it('builds a gtag-style arguments queue', () => {
    const harness = createApiTestEnvironment({ permissions });
    const gtag = harness.api('createArgumentsQueue')('gtag', 'dataLayer') as Fn;
    gtag('event', 'purchase', { value: 3 });
    const queue = harness.web.window.dataLayer as unknown[];
    expect(queue).toHaveLength(1);
    expect(Object.prototype.toString.call(queue[0])).toBe('[object Arguments]');
    expect(Array.from(queue[0] as ArrayLike<unknown>)).toEqual(['event', 'purchase', { value: 3 }]);
  });

  it('needs readwrite on both keys of an arguments queue', () => {
    const harness = createApiTestEnvironment({ permissions });
    expect(() => harness.api('createArgumentsQueue')('gtag', 'otherLayer')).toThrow(
      "the global 'otherLayer'",
    );
  });

  it('never writes Object.prototype through a dotted path', () => {
    const harness = createApiTestEnvironment({
      permissions: [
        permission('access_globals', { keys: [globalKey('__proto__.polluted', true, true, true)] }),
      ],
    });
    expect(harness.api('setInWindow')('__proto__.polluted', true, true)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('copyFromDataLayer', () => {
  const permissions = [
    permission('read_data_layer', { allowedKeys: 'specific', keyPatterns: ['ecommerce.*', 'a.b'] }),
  ];
  const model = { ecommerce: { items: [{ price: 9.5 }] }, 'a.b': 'literal', a: { b: 'nested' } };

  it('reads dotted paths of the version 2 model, as a copy', () => {
    const harness = createApiTestEnvironment({ permissions, web: { dataLayerModel: model } });
    const copyFromDataLayer = harness.api('copyFromDataLayer');
    expect(copyFromDataLayer('ecommerce.items.0.price')).toBe(9.5);
    const items = copyFromDataLayer('ecommerce.items') as Array<{ price: number }>;
    items[0]!.price = 0;
    expect(model.ecommerce.items[0]?.price).toBe(9.5);
    expect(copyFromDataLayer('a.b')).toBe('nested');
  });

  it('reads keys literally in version 1', () => {
    const harness = createApiTestEnvironment({ permissions, web: { dataLayerModel: model } });
    expect(harness.api('copyFromDataLayer')('a.b', 1)).toBe('literal');
  });

  it('refuses keys outside its patterns', () => {
    const harness = createApiTestEnvironment({ permissions, web: { dataLayerModel: model } });
    expect(() => harness.api('copyFromDataLayer')('user')).toThrow(
      "copyFromDataLayer: reading the key 'user' of the data layer is not allowed by the read_data_layer permission",
    );
  });
});

describe('page URL and referrer', () => {
  const permissions = [
    permission('get_url', { urlParts: 'any', queriesAllowed: 'any' }),
    permission('get_referrer', {
      urlParts: 'specific',
      host: true,
      query: true,
      queriesAllowed: 'specific',
      queryKeys: ['q'],
    }),
  ];
  const web = {
    url: 'https://shop.test/catalog/shirt.blue.html?utm_source=news&tag=a&tag=b&x=%C3%A4#reviews',
    referrer: 'https://www.search.test/results?q=blue+shirt&page=2',
  };

  it.each([
    [undefined, web.url],
    ['protocol', 'https'],
    ['host', 'shop.test'],
    ['port', '443'],
    ['path', '/catalog/shirt.blue.html'],
    ['extension', 'html'],
    ['fragment', 'reviews'],
    ['query', 'utm_source=news&tag=a&tag=b&x=%C3%A4'],
  ])('getUrl(%j) is %j', (component, expected) => {
    expect(createApiTestEnvironment({ permissions, web }).api('getUrl')(component)).toBe(expected);
  });

  it('reads query parameters, decoded, one or all', () => {
    const harness = createApiTestEnvironment({ permissions, web });
    const getQueryParameters = harness.api('getQueryParameters');
    expect(getQueryParameters('tag')).toBe('a');
    expect(getQueryParameters('tag', true)).toEqual(['a', 'b']);
    expect(getQueryParameters('x')).toBe('ä');
    expect(getQueryParameters('missing')).toBeUndefined();
  });

  it('reads the referrer within its permission and refuses the rest', () => {
    const harness = createApiTestEnvironment({ permissions, web });
    expect(harness.api('getReferrerUrl')('host')).toBe('www.search.test');
    expect(harness.api('getReferrerQueryParameters')('q')).toBe('blue shirt');
    expect(() => harness.api('getReferrerQueryParameters')('page')).toThrow(
      "the query key 'page' of the referrer URL",
    );
    expect(() => harness.api('getReferrerUrl')()).toThrow('reading the whole of the referrer URL');
  });

  it('gives empty components for an empty referrer', () => {
    const harness = createApiTestEnvironment({
      permissions: [permission('get_referrer', { urlParts: 'any' })],
    });
    expect(harness.api('getReferrerUrl')('host')).toBe('');
    expect(harness.api('getReferrerUrl')()).toBe('');
  });
});

describe('title, character set and container version', () => {
  it('reads them with their permissions', () => {
    const harness = createApiTestEnvironment({
      permissions: [
        permission('read_title'),
        permission('read_character_set'),
        permission('read_container_data'),
      ],
      web: { title: 'Checkout', characterSet: 'windows-1252' },
    });
    expect(harness.api('readTitle')()).toBe('Checkout');
    expect(harness.api('readCharacterSet')()).toBe('windows-1252');
    expect(harness.api('getContainerVersion')()).toMatchObject({
      containerId: 'GTM-TAGWARDEN',
      previewMode: true,
    });
  });

  it('refuses readTitle without read_title', () => {
    expect(() => createApiTestEnvironment().api('readTitle')()).toThrow(
      'readTitle: the template does not declare the read_title permission',
    );
  });
});

describe('consent', () => {
  const consentTypes = ['ad_storage', 'analytics_storage'].map((consentType) => ({
    consentType,
    read: true,
    write: true,
  }));
  const permissions = [permission('access_consent', { consentTypes })];

  it('reads an unset type as granted', () => {
    const harness = createApiTestEnvironment({ permissions });
    expect(harness.api('isConsentGranted')('ad_storage')).toBe(true);
  });

  it('applies defaults and updates after the current code, updates winning over defaults', async () => {
    const harness = createApiTestEnvironment({ permissions });
    harness.api('updateConsentState')({ analytics_storage: 'granted' });
    harness.api('setDefaultConsentState')({
      ad_storage: 'denied',
      analytics_storage: 'denied',
      wait_for_update: 500,
    });
    expect(harness.api('isConsentGranted')('ad_storage')).toBe(true);
    await harness.drain();
    expect(harness.api('isConsentGranted')('ad_storage')).toBe(false);
    expect(harness.api('isConsentGranted')('analytics_storage')).toBe(true);
    expect(harness.web.consent).toEqual({ analytics_storage: 'granted', ad_storage: 'denied' });
  });

  it('calls listeners when a type flips, not when it stays', async () => {
    const harness = createApiTestEnvironment({ permissions });
    const calls: unknown[] = [];
    harness.api('addConsentListener')('ad_storage', (type: string, granted: boolean) =>
      calls.push([type, granted]),
    );
    harness.api('updateConsentState')({ ad_storage: 'granted' });
    await harness.drain();
    harness.api('updateConsentState')({ ad_storage: 'denied' });
    await harness.drain();
    harness.api('updateConsentState')({ ad_storage: 'granted' });
    await harness.drain();
    expect(calls).toEqual([
      ['ad_storage', false],
      ['ad_storage', true],
    ]);
  });

  it('refuses writing a type the permission only reads', () => {
    const harness = createApiTestEnvironment({
      permissions: [
        permission('access_consent', {
          consentTypes: [{ consentType: 'ad_storage', read: true, write: false }],
        }),
      ],
    });
    expect(() => harness.api('updateConsentState')({ ad_storage: 'granted' })).toThrow(
      "updateConsentState: write access to the consent type 'ad_storage' is not allowed by the access_consent permission",
    );
  });
});

describe('localStorage and templateStorage', () => {
  it('stores text in localStorage within the permitted keys', () => {
    const harness = createApiTestEnvironment({
      permissions: [
        permission('access_local_storage', { keys: [{ key: 'visits', read: true, write: true }] }),
      ],
    });
    const storage = harness.api<Record<string, Fn>>('localStorage');
    expect(storage.getItem?.('visits')).toBeNull();
    expect(storage.setItem?.('visits', 3)).toBe(true);
    expect(storage.getItem?.('visits')).toBe('3');
    storage.removeItem?.('visits');
    expect(harness.web.localStorage.has('visits')).toBe(false);
    expect(() => storage.getItem?.('other')).toThrow("read access to the localStorage key 'other'");
  });

  it('keeps templateStorage values for the life of the page', () => {
    const harness = createApiTestEnvironment({
      permissions: [permission('access_template_storage')],
    });
    const storage = harness.api<Record<string, Fn>>('templateStorage');
    const state = { loaded: false };
    storage.setItem?.('tracker', state);
    // Handed back as a reference: the boundary gives the sandbox its original object again.
    expect(storage.getItem?.('tracker')).toEqual(new SandboxReference(state));
    const again = harness.api<Record<string, Fn>>('templateStorage').getItem?.('tracker');
    expect((again as SandboxReference).host).toBe(state);
    storage.clear?.();
    expect(storage.getItem?.('tracker')).toBeNull();
    expect(() =>
      createApiTestEnvironment().api<Record<string, Fn>>('templateStorage').getItem?.('x'),
    ).toThrow(PermissionDeniedError);
  });
});

describe('web cookies', () => {
  const permissions = [
    permission('get_cookies', { cookieAccess: 'any' }),
    permission('set_cookies', {
      allowedCookies: [{ name: '*', domain: '*', path: '*', secure: 'any', session: 'any' }],
    }),
  ];

  it('reads every value of a name, decoded unless asked not to', () => {
    const harness = createApiTestEnvironment({
      permissions,
      web: {
        cookies: [
          { name: 'pref', value: 'a%20b' },
          { name: 'other', value: 'x' },
          { name: 'pref', value: '%E0%A4%A' },
        ],
      },
    });
    expect(harness.api('getCookieValues')('pref')).toEqual(['a b', '%E0%A4%A']);
    expect(harness.api('getCookieValues')('pref', false)).toEqual(['a%20b', '%E0%A4%A']);
    expect(harness.api('getCookieValues')('missing')).toEqual([]);
  });

  it('writes the jar, encoding by default, and deletes with max-age 0 or a past expiry', () => {
    const harness = createApiTestEnvironment({ permissions });
    const setCookie = harness.api('setCookie');
    setCookie('tw_id', 'a b', { domain: 'auto', path: '/', 'max-age': 3600 });
    setCookie('raw', 'a b', {}, false);
    expect(harness.web.cookies).toEqual([
      { name: 'tw_id', value: 'a%20b' },
      { name: 'raw', value: 'a b' },
    ]);
    setCookie('tw_id', 'x', { 'Max-Age': 0 });
    setCookie('raw', 'x', { expires: 'Thu, 01 Jan 1970 00:00:00 GMT' });
    expect(harness.web.cookies).toEqual([]);
  });

  it('refuses a cookie outside set_cookies, naming its domain', () => {
    const harness = createApiTestEnvironment({
      permissions: [
        permission('set_cookies', {
          allowedCookies: [
            { name: 'tw_id', domain: 'shop.test', path: '*', secure: 'any', session: 'any' },
          ],
        }),
      ],
    });
    expect(() => harness.api('setCookie')('tw_id', '1', { domain: 'evil.test' })).toThrow(
      "setCookie: setting the cookie 'tw_id' with domain 'evil.test', path '/' is not allowed by the set_cookies permission",
    );
  });
});

describe('gtagSet', () => {
  it('merges into the data model and pushes a set command', () => {
    const harness = createApiTestEnvironment({
      permissions: [
        permission('write_data_layer', { keyPatterns: ['ads_data_redaction', 'developer_id.*'] }),
      ],
      web: { dataLayerModel: { developer_id: { a: true } } },
    });
    harness.api('gtagSet')({ ads_data_redaction: true, 'developer_id.b': true });
    expect(harness.web.dataLayerModel).toEqual({
      ads_data_redaction: true,
      developer_id: { a: true, b: true },
    });
    const pushed = (harness.web.window.dataLayer as unknown[])[0] as ArrayLike<unknown>;
    expect(Array.from(pushed)).toEqual([
      'set',
      { ads_data_redaction: true, 'developer_id.b': true },
    ]);
    expect(() => harness.api('gtagSet')('user_id', 'u1')).toThrow(
      "writing the key 'user_id' of the data layer",
    );
  });
});

describe('readAnalyticsStorage', () => {
  const permissions = [
    permission('get_cookies', { cookieAccess: 'specific', cookieNames: ['_ga', 'shop_ga'] }),
  ];

  it('reads the client id and both session cookie formats', () => {
    const harness = createApiTestEnvironment({
      permissions,
      web: {
        cookies: [
          { name: '_ga', value: 'GA1.1.1234567890.1700000000' },
          { name: '_ga_OLD123', value: 'GS1.1.1700000100.4.1.1700000200.0.0.0' },
          { name: '_ga_NEW456', value: 'GS2.1.s1760000000$o12$g1$t1760000300$j60$l0$h0' },
          { name: '_ga_BROKEN', value: 'GS9.garbage' },
        ],
      },
    });
    expect(harness.api('readAnalyticsStorage')()).toEqual({
      client_id: '1234567890.1700000000',
      sessions: [
        { measurement_id: 'G-OLD123', session_id: '1700000100', session_number: 4 },
        { measurement_id: 'G-NEW456', session_id: '1760000000', session_number: 12 },
      ],
    });
  });

  it('honours cookie_prefix and answers undefined without a client cookie', () => {
    const harness = createApiTestEnvironment({
      permissions,
      web: { cookies: [{ name: 'shop_ga', value: 'GA1.2.42.1700000000' }] },
    });
    expect(harness.api('readAnalyticsStorage')({ cookie_prefix: 'shop' })).toEqual({
      client_id: '42.1700000000',
      sessions: [],
    });
    expect(harness.api('readAnalyticsStorage')()).toBeUndefined();
  });

  it('needs get_cookies for the client cookie', () => {
    const harness = createApiTestEnvironment({ permissions });
    expect(() => harness.api('readAnalyticsStorage')({ cookie_prefix: 'x' })).toThrow(
      "reading the cookie 'x_ga'",
    );
  });
});

describe('logToConsole and addEventCallback', () => {
  it('logs copies when logging is allowed, and stays silent in a live run of a debug-only template', () => {
    const debugRun = createApiTestEnvironment({
      permissions: [permission('logging', { environments: 'debug' })],
    });
    debugRun.api('logToConsole')('value', { a: 1 });
    expect(debugRun.logs).toEqual([{ level: 'info', values: ['value', { a: 1 }] }]);

    const liveRun = createApiTestEnvironment({
      permissions: [permission('logging', { environments: 'debug' })],
      isDebug: false,
    });
    liveRun.api('logToConsole')('value');
    expect(liveRun.logs).toEqual([]);

    expect(() => createApiTestEnvironment().api('logToConsole')('x')).toThrow(
      'does not declare the logging permission',
    );
  });

  it('calls an event callback after the current code with the container id', async () => {
    const harness = createApiTestEnvironment({ permissions: [permission('read_event_metadata')] });
    const calls: unknown[] = [];
    harness.api('addEventCallback')((containerId: string, eventData: unknown) =>
      calls.push([containerId, eventData]),
    );
    expect(calls).toEqual([]);
    await harness.drain();
    expect(calls).toEqual([['GTM-TAGWARDEN', { tags: [] }]]);
  });
});
