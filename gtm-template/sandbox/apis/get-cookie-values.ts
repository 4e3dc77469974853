import type { ApiDefinition } from '../contract.js';
import { serverWorldOf, webWorldOf } from './world-of.js';

function decodeTolerantly(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function valuesNamed(
  cookies: Array<{ name: string; value: string }>,
  name: string,
  isDecoded: boolean,
): string[] {
  return cookies
    .filter((cookie) => cookie.name === name)
    .map((cookie) => (isDecoded ? decodeTolerantly(cookie.value) : cookie.value));
}

/** `getCookieValues(name, decode = true)` on the web: every value of the cookies so named, in order (§3.3). */
export const webGetCookieValuesApi: ApiDefinition = {
  name: 'getCookieValues',
  contexts: ['web'],
  create: (environment) => (name, decode) => {
    environment.permissions.assert('getCookieValues', 'get_cookies', name);
    if (typeof name !== 'string') return [];
    return valuesNamed(webWorldOf(environment).cookies, name, decode !== false);
  },
};

/**
 * `getCookieValues(name, noDecode = false)` on the server (§3.3): the request's cookies,
 * from `world.cookies`, or parsed from its Cookie header when that list is empty.
 */
export const serverGetCookieValuesApi: ApiDefinition = {
  name: 'getCookieValues',
  contexts: ['server'],
  create: (environment) => (name, noDecode) => {
    environment.permissions.assert('getCookieValues', 'get_cookies', name);
    if (typeof name !== 'string') return [];
    const world = serverWorldOf(environment);
    const cookies =
      world.cookies.length > 0
        ? world.cookies
        : parseCookieHeader(headerValue(world.request.headers, 'cookie'));
    return valuesNamed(cookies, name, noDecode !== true);
  },
};

/** A Cookie header's `name=value` pairs, in order; pairs without `=` are skipped. */
export function parseCookieHeader(header: string): Array<{ name: string; value: string }> {
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => {
      const equalsAt = part.indexOf('=');
      return { name: part.slice(0, equalsAt).trim(), value: part.slice(equalsAt + 1).trim() };
    });
}

/** A header's value by case-insensitive name; repeated spellings joined with ', ' (§3.2). */
export function headerValue(headers: Record<string, string>, name: string): string {
  const wanted = name.toLowerCase();
  return Object.keys(headers)
    .filter((key) => key.toLowerCase() === wanted)
    .map((key) => String(headers[key]))
    .join(', ');
}
