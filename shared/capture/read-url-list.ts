import type { CaptureReadResult, CapturedRecord } from './captured-input.js';

/**
 * Reads a text file with one request URL a line (blank lines and `#` comments skipped).
 * A line may carry a POST body after a tab, with `\r\n` written as the two escapes `\r\n`,
 * so a batched hit fits on one line.
 */
export function readUrlList(text: string, file: string): CaptureReadResult {
  const records: CapturedRecord[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    const trimmed = lineText.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const tab = trimmed.indexOf('\t');
    const url = tab === -1 ? trimmed : trimmed.slice(0, tab);
    const body = tab === -1 ? undefined : unescapeBody(trimmed.slice(tab + 1));
    records.push({
      kind: 'request',
      url,
      ...(body ? { method: 'POST', body } : {}),
      isPasted: true,
      source: { file, line: index + 1 },
    });
  });
  return { format: 'url-list', records, errors: [] };
}

function unescapeBody(body: string): string {
  return body.replace(/\\r/g, '\r').replace(/\\n/g, '\n');
}
