/**
 * JSON Pointer (RFC 6901) helpers. Violation paths and plan positions are JSON Pointers, so
 * a property called `a/b` reads `/a~1b` and never collides with `/a/b`.
 */

/** One reference token, escaped: `~` → `~0`, `/` → `~1`. */
export function escapePointerToken(token: string): string {
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The token back from its escaped form. */
export function unescapePointerToken(token: string): string {
  if (!token.includes('~')) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `base` extended by one token (a property name or an array index). */
export function appendPointer(base: string, token: string | number): string {
  return `${base}/${escapePointerToken(String(token))}`;
}

/** The unescaped tokens of a pointer; `''` (the whole document) has none. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body.slice(1).split('/').map(unescapePointerToken);
}
