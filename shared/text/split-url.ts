/** A request URL cut into the parts the decoders look at. */
export interface UrlParts {
  /** Lower-cased host name without port or credentials; `''` for relative URLs and bare queries. */
  host: string;
  /** `host:port` as written (lower-cased), for display. */
  authority: string;
  /** Path as written, `''` when absent. Floodlight keeps its `;k=v` parameters here. */
  path: string;
  /** Text after the first `?` and before any `#`, without the `?`. */
  query: string;
}

const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * Cuts a URL into host, path and query without the `URL` constructor, so it also accepts
 * relative paths (`/g/collect?…`), protocol-relative URLs, hosts without a scheme and bare
 * query strings (`v=2&tid=G-…`, the form many captures are pasted in). Never throws.
 */
export function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const text = hashAt === -1 ? url : url.slice(0, hashAt);
  const questionAt = text.indexOf('?');
  const beforeQuery = questionAt === -1 ? text : text.slice(0, questionAt);
  const query = questionAt === -1 ? '' : text.slice(questionAt + 1);

  const hostStart = startOfHost(beforeQuery);
  if (hostStart === -1) {
    return isBareQuery(text) ? emptyParts(text) : { ...emptyParts(query), path: beforeQuery };
  }

  const slashAt = beforeQuery.indexOf('/', hostStart);
  const pathStart = slashAt === -1 ? beforeQuery.length : slashAt;
  const authority = withoutCredentials(beforeQuery.slice(hostStart, pathStart)).toLowerCase();
  return {
    host: hostOf(authority),
    authority,
    path: beforeQuery.slice(pathStart),
    query,
  };
}

/** Where the host starts after a leading `scheme://` or `//`, 0 for `host.tld/…`; -1 if none. */
function startOfHost(text: string): number {
  // Nearly every captured URL starts like this; the regular expression is for the rest.
  if (text.startsWith('https://')) {
    return 8;
  }
  const scheme = SCHEME.exec(text);
  if (scheme !== null) {
    return scheme[0].length;
  }
  if (text.startsWith('//')) {
    return 2;
  }
  return looksLikeSchemelessHost(text) ? 0 : -1;
}

/** `user:password@host` → `host`: everything up to the first `@`. */
function withoutCredentials(authority: string): string {
  const credentialsEnd = authority.indexOf('@');
  return credentialsEnd === -1 ? authority : authority.slice(credentialsEnd + 1);
}

/** `www.google-analytics.com/g/collect` pasted without its scheme. */
function looksLikeSchemelessHost(text: string): boolean {
  const slashAt = text.indexOf('/');
  const firstSegment = slashAt === -1 ? text : text.slice(0, slashAt);
  return /^[a-z\d-]+(?:\.[a-z\d-]+)+(?::\d+)?$/i.test(firstSegment);
}

/** Text with an `=` before any `/` and no leading `/` is a query string on its own. */
function isBareQuery(text: string): boolean {
  if (text.startsWith('/') || text.startsWith('?')) {
    return false;
  }
  const equalsAt = text.indexOf('=');
  const slashAt = text.indexOf('/');
  return equalsAt !== -1 && (slashAt === -1 || equalsAt < slashAt);
}

function emptyParts(query: string): UrlParts {
  return { host: '', authority: '', path: '', query };
}

function hostOf(authority: string): string {
  if (authority.startsWith('[')) {
    const closeAt = authority.indexOf(']');
    return closeAt === -1 ? authority : authority.slice(0, closeAt + 1);
  }
  const colonAt = authority.indexOf(':');
  return colonAt === -1 ? authority : authority.slice(0, colonAt);
}
