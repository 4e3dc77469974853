import type { ApiDefinition } from '../../../../gtm-template/sandbox/contract.js';

/**
 * `setCookie(name, value, options?, encode = true)` writing `document.cookie` itself, with the
 * options GTM honours (domain, path, max-age, expires, secure, samesite). The registry's web
 * version writes the WebWorld's name/value list, which cannot carry those attributes.
 */
export const liveSetCookieApi: ApiDefinition = {
  name: 'setCookie',
  contexts: ['web'],
  create: (environment) => (name, value, options, encode) => {
    environment.permissions.assert('setCookie', 'set_cookies', name, options);
    if (typeof name !== 'string' || name === '') return;
    const text = encode === false ? String(value) : encodeURIComponent(String(value));
    document.cookie = [`${name}=${text}`, ...cookieAttributes(options)].join('; ');
  },
};

function cookieAttributes(options: unknown): string[] {
  const settings = new Map<string, unknown>();
  if (options !== null && typeof options === 'object') {
    for (const [key, value] of Object.entries(options)) settings.set(key.toLowerCase(), value);
  }
  const attributes = [
    `path=${typeof settings.get('path') === 'string' ? settings.get('path') : '/'}`,
  ];
  const domain = settings.get('domain');
  // 'auto' picks the registrable domain; on a loopback address that is the host itself.
  if (typeof domain === 'string' && domain !== '' && domain !== 'auto' && domain !== 'none')
    attributes.push(`domain=${domain}`);
  const maxAge = settings.get('max-age');
  if (typeof maxAge === 'number' || typeof maxAge === 'string')
    attributes.push(`max-age=${maxAge}`);
  else if (typeof settings.get('expires') === 'string')
    attributes.push(`expires=${settings.get('expires')}`);
  if (settings.get('secure') === true) attributes.push('secure');
  const sameSite = settings.get('samesite');
  if (typeof sameSite === 'string' && sameSite !== '') attributes.push(`samesite=${sameSite}`);
  return attributes;
}
