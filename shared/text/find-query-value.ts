/**
 * The raw (still encoded) value of the first `key=` pair in a query string, or undefined.
 * A bare `key` counts as present with value `''`. Scans without splitting the whole query,
 * for request classification, where only one or two keys matter.
 */
export function findQueryValue(query: string, key: string): string | undefined {
  let start = 0;
  while (start <= query.length) {
    const ampersandAt = query.indexOf('&', start);
    const end = ampersandAt === -1 ? query.length : ampersandAt;
    if (query.startsWith(key, start)) {
      const afterKey = start + key.length;
      if (afterKey === end) {
        return '';
      }
      if (query.charCodeAt(afterKey) === 61) {
        return query.slice(afterKey + 1, end);
      }
    }
    start = end + 1;
  }
  return undefined;
}
