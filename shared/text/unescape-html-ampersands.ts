const ESCAPED_AMPERSAND = /&(?:amp|#0*38|#x0*26);/gi;

/**
 * Turns HTML-escaped ampersands back into `&`, however many times they were escaped
 * (`&amp;`, `&amp;amp;` …). Only for text pasted from HTML pages, HAR viewers or generated
 * tests (corpus samples A22, A33, C2, C7); captured network traffic never needs it, and a real
 * query string cannot contain a literal `&amp;` because gtag encodes `&` inside values as `%26`.
 */
export function unescapeHtmlAmpersands(text: string): string {
  let current = text;
  while (current.includes('&')) {
    const next = current.replace(ESCAPED_AMPERSAND, '&');
    if (next === current) {
      return current;
    }
    current = next;
  }
  return current;
}
