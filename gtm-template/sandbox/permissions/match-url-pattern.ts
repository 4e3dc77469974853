/**
 * GTM's URL match patterns for inject_script, inject_hidden_iframe, send_pixel, send_http and
 * send_pixel_from_browser (reference notes §1.5, after Simo Ahava's guide):
 * - the scheme must be `https` on both sides;
 * - a host starting with `*.` matches every subdomain and the bare domain itself;
 * - `*` in the path matches any run of characters, `/` included;
 * - a path ending in `/` matches every path below it (so `https://x.test/` allows the site).
 * Query strings and fragments take no part in the match, on either side.
 */
export function matchesUrlPattern(url: string, pattern: string): boolean {
  const target = splitTarget(url);
  const rule = splitPattern(pattern);
  if (target === undefined || rule === undefined) return false;
  if (target.scheme !== 'https' || rule.scheme !== 'https') return false;
  if (!matchesHost(target.host, rule.host)) return false;
  if (target.port !== rule.port) return false;
  return matchesPath(target.path, rule.path);
}

interface UrlShape {
  scheme: string;
  host: string;
  port: string;
  path: string;
}

function splitTarget(url: string): UrlShape | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return {
    scheme: parsed.protocol.replace(/:$/, ''),
    host: parsed.hostname.toLowerCase(),
    port: parsed.port,
    path: parsed.pathname,
  };
}

const PATTERN_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/([^/?#:]+)(?::(\d+))?([^?#]*)/i;

// Patterns are not URLs (`*` may stand in the host), so they are split by hand.
function splitPattern(pattern: string): UrlShape | undefined {
  const match = PATTERN_SHAPE.exec(pattern.trim());
  if (match === null) return undefined;
  const [, scheme = '', host = '', port = '', path = ''] = match;
  return {
    scheme: scheme.toLowerCase(),
    host: host.toLowerCase(),
    port: port === '443' ? '' : port,
    path: path === '' ? '/' : path,
  };
}

function matchesHost(host: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const domain = pattern.slice(2);
  return host === domain || host.endsWith(`.${domain}`);
}

function matchesPath(path: string, pattern: string): boolean {
  if (pattern.endsWith('/') && !pattern.includes('*')) return path.startsWith(pattern);
  const source = pattern.endsWith('/') ? `${pattern}*` : pattern;
  return wildcardToRegExp(source).test(path);
}

/** `*` → any characters; everything else literal; anchored at both ends. */
export function wildcardToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}
