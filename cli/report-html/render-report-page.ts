import { escapeHtml } from './escape-html.js';
import { REPORT_STYLE } from './report-style.js';

/**
 * One self-contained HTML document: the inline stylesheet, no script and no external asset,
 * under a content security policy that forbids loading any. `title` is text (escaped here);
 * `sections` are HTML that their renderers escaped already.
 */
export function renderReportPage(title: string, sections: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
