import { describeArgument, textArgument, type PermissionRule } from './permission-rule.js';

/** get_cookies: `cookieAccess` any|specific, `cookieNames`; query `(name)`. */
export const getCookiesRule: PermissionRule = {
  id: 'get_cookies',
  contexts: ['web', 'server'],
  check: (params, args) => {
    const name = textArgument(args, 0);
    if (params.text('cookieAccess') === 'any') return undefined;
    if (name !== '' && params.strings('cookieNames').includes(name)) return undefined;
    return {
      subject: `reading the cookie ${describeArgument(args[0])}`,
      fix: 'add its name to the allowed cookie names',
    };
  },
};

/**
 * set_cookies: `allowedCookies` rows `{name, domain, path, secure, session}` where `*` and
 * `any` mean anything (reference notes §1.5); query `(name, options?)`. Option keys are read
 * case-insensitively (§3.3). A domain of `auto` (or none) is resolved by GTM against the page
 * before checking; this checker does not know the page, so it lets `auto` pass any row.
 */
export const setCookiesRule: PermissionRule = {
  id: 'set_cookies',
  contexts: ['web', 'server'],
  check: (params, args) => {
    const name = textArgument(args, 0);
    const options = lowerCaseKeys(args[1]);
    const isAllowed = params
      .records('allowedCookies')
      .some((row) => name !== '' && rowAllows(row, name, options));
    if (isAllowed) return undefined;
    return {
      subject: `setting the cookie ${describeArgument(args[0])} with ${describeCookieOptions(options)}`,
      fix: 'add a row with its name, domain, path, secure and session settings to the allowed cookies',
    };
  },
};

function rowAllows(
  row: Record<string, unknown>,
  name: string,
  options: Map<string, unknown>,
): boolean {
  return (
    matchesOrAny(row.name, name) &&
    domainAllows(row.domain, options.get('domain')) &&
    matchesOrAny(
      row.path,
      typeof options.get('path') === 'string' ? String(options.get('path')) : '/',
    ) &&
    secureAllows(row.secure, options.get('secure') === true) &&
    sessionAllows(row.session, options.has('max-age') || options.has('expires'))
  );
}

function matchesOrAny(allowed: unknown, actual: string): boolean {
  return allowed === '*' || allowed === 'any' || allowed === actual;
}

function domainAllows(allowed: unknown, requested: unknown): boolean {
  if (requested === undefined || requested === 'auto') return true;
  if (typeof requested !== 'string' || typeof allowed !== 'string') return false;
  const bare = (domain: string) => domain.replace(/^\./, '').toLowerCase();
  return allowed === '*' || allowed === 'any' || bare(allowed) === bare(requested);
}

function secureAllows(allowed: unknown, isSecure: boolean): boolean {
  if (allowed === 'secure' || allowed === 'secure_only') return isSecure;
  return true;
}

function sessionAllows(allowed: unknown, isPersistent: boolean): boolean {
  if (allowed === 'session' || allowed === 'session_only') return !isPersistent;
  if (allowed === 'non_session' || allowed === 'persistent') return isPersistent;
  return true;
}

/** Cookie options with lower-cased keys (`sameSite`/`samesite`, `HttpOnly`/`httpOnly` occur). */
export function lowerCaseKeys(options: unknown): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return keys;
  for (const [key, value] of Object.entries(options)) keys.set(key.toLowerCase(), value);
  return keys;
}

function describeCookieOptions(options: Map<string, unknown>): string {
  const domain = options.get('domain') ?? 'auto';
  const path = options.get('path') ?? '/';
  return `domain ${describeArgument(domain)}, path ${describeArgument(path)}`;
}
