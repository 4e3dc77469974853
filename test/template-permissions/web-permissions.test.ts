import { describe, expect, it } from 'vitest';
import {
  PermissionDeniedError,
  type PermissionEntry,
} from '../../gtm-template/sandbox/contract.js';
import { createPermissionChecker } from '../../gtm-template/sandbox/permissions/create-permission-checker.js';
import { permission } from './permission-entry.js';

const globals = permission('access_globals', {
  keys: [
    { key: 'dataLayer', read: true, write: true, execute: false },
    { key: 'vendor.track', read: false, write: false, execute: true },
    { key: 'readOnly', read: true, write: false, execute: false },
  ],
});
const storage = permission('access_local_storage', {
  keys: [{ key: 'visits', read: true, write: false }],
});
const consent = permission('access_consent', {
  consentTypes: [{ consentType: 'ad_storage', read: true, write: false }],
});
const cookies = permission('get_cookies', {
  cookieAccess: 'specific',
  cookieNames: ['_ga', 'session'],
});
const setCookies = permission('set_cookies', {
  allowedCookies: [
    { name: 'tw_id', domain: '*', path: '*', secure: 'any', session: 'any' },
    { name: 'tw_secure', domain: 'shop.test', path: '/', secure: 'secure', session: 'session' },
  ],
});
const url = permission('get_url', {
  urlParts: 'specific',
  host: true,
  path: true,
  query: true,
  queriesAllowed: 'specific',
  queryKeys: ['utm_source'],
});
const referrer = permission('get_referrer', { urlParts: 'any', queriesAllowed: 'any' });
const scripts = permission('inject_script', { urls: ['https://cdn.tagwarden.test/*'] });
const iframes = permission('inject_hidden_iframe', { urls: ['https://frames.test/'] });
const pixels = permission('send_pixel', {
  allowedUrls: 'specific',
  urls: ['https://*.collector.test/p'],
});
const dataLayerRead = permission('read_data_layer', {
  allowedKeys: 'specific',
  keyPatterns: ['ecommerce.*', 'event'],
});
const dataLayerWrite = permission('write_data_layer', { keyPatterns: ['ads_data_redaction'] });

type Case = [string, PermissionEntry[], string, string, unknown[], string | null];

// [what, entries, api, permission, query args, expected message part or null when allowed]
const cases: Case[] = [
  [
    'reads a readable global',
    [globals],
    'copyFromWindow',
    'access_globals',
    ['read', 'dataLayer'],
    null,
  ],
  [
    'writes a readwrite global',
    [globals],
    'setInWindow',
    'access_globals',
    ['readwrite', 'dataLayer'],
    null,
  ],
  [
    'calls an executable global',
    [globals],
    'callInWindow',
    'access_globals',
    ['execute', 'vendor.track'],
    null,
  ],
  [
    'refuses writing a read-only global',
    [globals],
    'setInWindow',
    'access_globals',
    ['readwrite', 'readOnly'],
    "setInWindow: readwrite access to the global 'readOnly' is not allowed by the access_globals permission; grant read and write on 'readOnly' in its keys",
  ],
  [
    'refuses an unlisted global',
    [globals],
    'copyFromWindow',
    'access_globals',
    ['read', 'document'],
    "the global 'document'",
  ],
  [
    'refuses executing a readable global',
    [globals],
    'callInWindow',
    'access_globals',
    ['execute', 'dataLayer'],
    'grant execute',
  ],
  [
    'reads a listed localStorage key',
    [storage],
    'localStorage',
    'access_local_storage',
    ['read', 'visits'],
    null,
  ],
  [
    'refuses writing a read-only localStorage key',
    [storage],
    'localStorage',
    'access_local_storage',
    ['write', 'visits'],
    "write access to the localStorage key 'visits'",
  ],
  [
    'reads a listed consent type',
    [consent],
    'isConsentGranted',
    'access_consent',
    ['ad_storage', 'read'],
    null,
  ],
  [
    'refuses writing a read-only consent type',
    [consent],
    'updateConsentState',
    'access_consent',
    ['ad_storage', 'write'],
    "write access to the consent type 'ad_storage'",
  ],
  [
    'refuses an unlisted consent type',
    [consent],
    'isConsentGranted',
    'access_consent',
    ['analytics_storage', 'read'],
    'analytics_storage',
  ],
  ['reads a listed cookie', [cookies], 'getCookieValues', 'get_cookies', ['_ga'], null],
  [
    'reads any cookie when access is any',
    [permission('get_cookies', { cookieAccess: 'any' })],
    'getCookieValues',
    'get_cookies',
    ['x'],
    null,
  ],
  [
    'refuses an unlisted cookie',
    [cookies],
    'getCookieValues',
    'get_cookies',
    ['_gid'],
    "getCookieValues: reading the cookie '_gid' is not allowed by the get_cookies permission",
  ],
  [
    'sets a cookie under a wildcard row',
    [setCookies],
    'setCookie',
    'set_cookies',
    ['tw_id', { domain: 'auto', path: '/x', 'max-age': 60 }],
    null,
  ],
  [
    'sets a secure session cookie on its domain',
    [setCookies],
    'setCookie',
    'set_cookies',
    ['tw_secure', { domain: '.shop.test', path: '/', Secure: true }],
    null,
  ],
  [
    'refuses a persistent cookie on a session-only row',
    [setCookies],
    'setCookie',
    'set_cookies',
    ['tw_secure', { domain: 'shop.test', secure: true, expires: 'x' }],
    'setting the cookie',
  ],
  [
    'refuses an insecure cookie on a secure-only row',
    [setCookies],
    'setCookie',
    'set_cookies',
    ['tw_secure', { domain: 'shop.test' }],
    'tw_secure',
  ],
  [
    'refuses another domain',
    [setCookies],
    'setCookie',
    'set_cookies',
    ['tw_secure', { domain: 'other.test', secure: true }],
    "domain 'other.test'",
  ],
  [
    'refuses an unlisted cookie name',
    [setCookies],
    'setCookie',
    'set_cookies',
    ['other', {}],
    "the cookie 'other'",
  ],
  ['reads an allowed URL component', [url], 'getUrl', 'get_url', ['host'], null],
  [
    'reads an allowed query key',
    [url],
    'getQueryParameters',
    'get_url',
    ['query', 'utm_source'],
    null,
  ],
  [
    'refuses a component not ticked',
    [url],
    'getUrl',
    'get_url',
    ['fragment'],
    'reading the fragment of the page URL',
  ],
  [
    'refuses a query key not listed',
    [url],
    'getQueryParameters',
    'get_url',
    ['query', 'gclid'],
    "the query key 'gclid'",
  ],
  [
    'refuses the whole URL when parts are specific',
    [url],
    'getUrl',
    'get_url',
    [],
    'reading the whole of the page URL',
  ],
  ['reads the whole referrer when any', [referrer], 'getReferrerUrl', 'get_referrer', [], null],
  [
    'reads any referrer query key when queries are any',
    [referrer],
    'getReferrerQueryParameters',
    'get_referrer',
    ['query', 'q'],
    null,
  ],
  [
    'refuses a referrer query key outside a specific list',
    [permission('get_referrer', { urlParts: 'any', queriesAllowed: 'specific', queryKeys: ['q'] })],
    'getReferrerQueryParameters',
    'get_referrer',
    ['query', 'page'],
    "getReferrerQueryParameters: reading the query key 'page' of the referrer URL is not allowed by the get_referrer permission",
  ],
  [
    'injects a script under a path wildcard',
    [scripts],
    'injectScript',
    'inject_script',
    ['https://cdn.tagwarden.test/v1/mirror.js'],
    null,
  ],
  [
    'refuses a script on another host',
    [scripts],
    'injectScript',
    'inject_script',
    ['https://cdn.evil.test/x.js'],
    'the URL https://cdn.evil.test/x.js',
  ],
  [
    'injects an iframe below a folder',
    [iframes],
    'injectHiddenIframe',
    'inject_hidden_iframe',
    ['https://frames.test/a/b.html'],
    null,
  ],
  [
    'refuses an http iframe',
    [iframes],
    'injectHiddenIframe',
    'inject_hidden_iframe',
    ['http://frames.test/a'],
    'http://frames.test/a',
  ],
  [
    'sends a pixel to the bare domain of a subdomain wildcard',
    [pixels],
    'sendPixel',
    'send_pixel',
    ['https://collector.test/p?x=1'],
    null,
  ],
  [
    'refuses a pixel elsewhere',
    [pixels],
    'sendPixel',
    'send_pixel',
    ['https://x.test/p'],
    'sendPixel: the URL https://x.test/p is not allowed by the send_pixel permission; add it to its allowed URLs',
  ],
  [
    'sends a pixel anywhere when any',
    [permission('send_pixel', { allowedUrls: 'any' })],
    'sendPixel',
    'send_pixel',
    ['http://x.test/p'],
    null,
  ],
  [
    'reads data layer keys below a pattern',
    [dataLayerRead],
    'copyFromDataLayer',
    'read_data_layer',
    ['ecommerce.items'],
    null,
  ],
  [
    'refuses an unlisted data layer key',
    [dataLayerRead],
    'copyFromDataLayer',
    'read_data_layer',
    ['user.email'],
    "reading the key 'user.email' of the data layer",
  ],
  [
    'writes a listed data layer key',
    [dataLayerWrite],
    'gtagSet',
    'write_data_layer',
    ['ads_data_redaction'],
    null,
  ],
  [
    'refuses writing another key',
    [dataLayerWrite],
    'gtagSet',
    'write_data_layer',
    ['user_id'],
    "writing the key 'user_id'",
  ],
  ['reads the title', [permission('read_title')], 'readTitle', 'read_title', [], null],
  [
    'reads the character set',
    [permission('read_character_set')],
    'readCharacterSet',
    'read_character_set',
    [],
    null,
  ],
  [
    'reads container data',
    [permission('read_container_data')],
    'getContainerVersion',
    'read_container_data',
    [],
    null,
  ],
  [
    'reads event metadata',
    [permission('read_event_metadata')],
    'addEventCallback',
    'read_event_metadata',
    [],
    null,
  ],
  [
    'uses template storage',
    [permission('access_template_storage')],
    'templateStorage',
    'access_template_storage',
    [],
    null,
  ],
  [
    'logs everywhere with all',
    [permission('logging', { environments: 'all' })],
    'logToConsole',
    'logging',
    [],
    null,
  ],
  [
    'logs in debug with debug',
    [permission('logging', { environments: 'debug' })],
    'logToConsole',
    'logging',
    [],
    null,
  ],
  [
    'refuses a permission the template does not declare',
    [],
    'readTitle',
    'read_title',
    [],
    'readTitle: the template does not declare the read_title permission; add it on the Permissions tab',
  ],
  [
    'refuses a server permission in a web template',
    [permission('send_http', { allowedUrls: 'any' })],
    'sendPixel',
    'send_http',
    ['https://x.test/'],
    'does not declare the send_http',
  ],
];

describe('web permission checks', () => {
  it.each(cases)('%s', (_what, entries, api, permissionId, args, expected) => {
    const checker = createPermissionChecker(entries, 'web');
    expect(checker.query(permissionId, ...args)).toBe(expected === null);
    if (expected === null) {
      expect(() => checker.assert(api, permissionId, ...args)).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      checker.assert(api, permissionId, ...args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PermissionDeniedError);
    const denial = thrown as PermissionDeniedError;
    expect(denial.message).toContain(expected);
    expect(denial.api).toBe(api);
    expect(denial.permission).toBe(permissionId);
  });

  it('refuses debug-only logging in a live run but says it is declared', () => {
    const checker = createPermissionChecker(
      [permission('logging', { environments: 'debug' })],
      'web',
      { isDebug: false },
    );
    expect(checker.query('logging')).toBe(false);
    expect(checker.query('logging', 'debug')).toBe(true);
    expect(() => checker.assert('logToConsole', 'logging')).toThrow(
      "set its environments to 'all'",
    );
  });

  it('allows a call when any of two entries of the same id allows it', () => {
    const checker = createPermissionChecker(
      [
        permission('get_cookies', { cookieAccess: 'specific', cookieNames: ['a'] }),
        permission('get_cookies', { cookieAccess: 'specific', cookieNames: ['b'] }),
      ],
      'web',
    );
    expect(checker.query('get_cookies', 'b')).toBe(true);
    expect(checker.query('get_cookies', 'c')).toBe(false);
  });

  it('answers false for unknown permission ids and odd arguments instead of throwing', () => {
    const checker = createPermissionChecker([globals, cookies], 'web');
    expect(checker.query('no_such_permission')).toBe(false);
    expect(checker.query('access_globals', 'fly', 'dataLayer')).toBe(false);
    expect(checker.query('get_cookies', { toString: 1 })).toBe(false);
    expect(checker.query(42 as unknown as string)).toBe(false);
  });

  it('survives malformed entries', () => {
    const broken = [
      {
        instance: {
          key: { publicId: 'get_cookies', versionId: '1' },
          param: [{ key: 'cookieAccess', value: { type: 9 } }],
        },
      },
      { instance: { key: { publicId: 'read_title' } } },
      null,
    ] as unknown as PermissionEntry[];
    const checker = createPermissionChecker(broken, 'web');
    expect(checker.query('get_cookies', 'x')).toBe(false);
    expect(checker.query('read_title')).toBe(true);
  });
});
