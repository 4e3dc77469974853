/**
 * A cURL command that sends the same request again: the URL, the method, and the body as
 * `text/plain` (how gtag sends batched hits). Every part is single-quoted for a POSIX shell,
 * so nothing in a captured URL or body can run as a command.
 */
export function requestToCurl(request: { url: string; method?: string; body?: string }): string {
  const method = (request.method ?? (request.body === undefined ? 'GET' : 'POST')).toUpperCase();
  const parts = ['curl', quote(request.url)];
  if (method !== 'GET' || request.body !== undefined) parts.push('-X', quote(method));
  if (request.body !== undefined) {
    parts.push('-H', quote('content-type: text/plain;charset=UTF-8'));
    parts.push('--data-raw', quote(request.body));
  }
  return parts.join(' ');
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
