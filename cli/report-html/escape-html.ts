/**
 * Text as HTML text or attribute value: the five characters that can start markup, escaped.
 * Every value a captured page supplied (event names, parameters, URLs, messages) goes through
 * it, in HTML and in inline SVG alike, so a hostile page cannot inject markup into a report.
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
