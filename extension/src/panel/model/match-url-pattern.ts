/**
 * Whether a URL matches a page pattern as testers write them: `/product/*` (`*` is any run
 * of characters), `/order/:id/confirm` (`:name` is one path segment), `/search?q=*` (a `?`
 * in the pattern matches the query too), or a whole URL (`https://shop.example/cart`).
 * Matching is on the whole path; case-sensitive, as paths are. A URL that does not parse
 * matches nothing.
 */
export function matchUrlPattern(pattern: string, url: string): boolean {
  const target = targetOf(pattern, url);
  if (target === undefined) return false;
  return compilePattern(pattern).test(target);
}

const compiled = new Map<string, RegExp>();

function compilePattern(pattern: string): RegExp {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const source = pattern
    .trim()
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':') && part.length > 1) return '[^/?#]+';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const expression = new RegExp(`^${source}$`);
  compiled.set(pattern, expression);
  return expression;
}

function targetOf(pattern: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const query = pattern.includes('?') ? parsed.search : '';
  const isWholeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(pattern.trim());
  return `${isWholeUrl ? parsed.origin : ''}${parsed.pathname}${query}`;
}
