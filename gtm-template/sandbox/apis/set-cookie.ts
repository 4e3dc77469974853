import type { ApiDefinition, ApiEnvironment } from '../contract.js';
import { lowerCaseKeys } from '../permissions/cookie-rules.js';
import { effectiveTldPlusOne } from './effective-tld.js';
import { headerValue } from './get-cookie-values.js';
import { gtmNumber, gtmString } from './gtm-conversions.js';
import { serverWorldOf, webWorldOf } from './world-of.js';

/**
 * `setCookie(name, value, options?, encode = true)` on the web: writes the page's cookie jar.
 * The value is percent-encoded unless `encode` is false; `max-age` ≤ 0 or a past `expires`
 * deletes the cookie. Option keys are read case-insensitively (§3.3).
 */
export const webSetCookieApi: ApiDefinition = {
  name: 'setCookie',
  contexts: ['web'],
  create: (environment) => (name, value, options, encode) => {
    environment.permissions.assert('setCookie', 'set_cookies', name, options);
    if (typeof name !== 'string' || name === '') return;
    const cookies = webWorldOf(environment).cookies;
    const text = encode === false ? gtmString(value) : encodeURIComponent(gtmString(value));
    const kept = cookies.filter((cookie) => cookie.name !== name);
    if (!isExpired(environment, lowerCaseKeys(options))) kept.push({ name, value: text });
    cookies.splice(0, cookies.length, ...kept);
  },
};

function isExpired(environment: ApiEnvironment, options: Map<string, unknown>): boolean {
  if (options.has('max-age')) return gtmNumber(options.get('max-age')) <= 0;
  const expires = options.get('expires');
  if (typeof expires !== 'string') return false;
  const time = Date.parse(expires);
  return Number.isFinite(time) && time <= environment.now();
}

/**
 * `setCookie(name, value, options?, noEncode = false)` on the server: adds a `Set-Cookie`
 * header to the response (`world.response.setCookies`), sent by `returnResponse()`. `domain:
 * 'auto'` becomes the request host's registrable domain; `max-age` wins over `expires` (§3.2).
 */
export const serverSetCookieApi: ApiDefinition = {
  name: 'setCookie',
  contexts: ['server'],
  create: (environment) => (name, value, options, noEncode) => {
    environment.permissions.assert('setCookie', 'set_cookies', name, options);
    if (typeof name !== 'string' || name === '') return;
    const world = serverWorldOf(environment);
    const text = noEncode === true ? gtmString(value) : encodeURIComponent(gtmString(value));
    const host = headerValue(world.request.headers, 'host').split(':')[0] ?? '';
    const header = [`${name}=${text}`, ...cookieAttributes(lowerCaseKeys(options), host)].join(
      '; ',
    );
    world.response.setCookies = [...(world.response.setCookies ?? []), header];
  },
};

function cookieAttributes(options: Map<string, unknown>, host: string): string[] {
  const attributes: string[] = [];
  const domain = options.get('domain');
  const resolved =
    domain === 'auto' ? effectiveTldPlusOne(host) || options.get('fallbackdomain') : domain;
  if (typeof resolved === 'string' && resolved !== '') attributes.push(`Domain=${resolved}`);
  attributes.push(
    `Path=${typeof options.get('path') === 'string' ? String(options.get('path')) : '/'}`,
  );
  if (options.has('max-age'))
    attributes.push(`Max-Age=${Math.trunc(gtmNumber(options.get('max-age')))}`);
  else if (typeof options.get('expires') === 'string')
    attributes.push(`Expires=${String(options.get('expires'))}`);
  if (options.get('secure') === true) attributes.push('Secure');
  if (options.get('httponly') === true) attributes.push('HttpOnly');
  const sameSite = options.get('samesite');
  if (typeof sameSite === 'string' && sameSite !== '') attributes.push(`SameSite=${sameSite}`);
  return attributes;
}
