import type { CaptureReadResult, CapturedRecord, InputError } from './captured-input.js';
import { locateJsonError } from './line-of-offset.js';

interface HarEntry {
  request?: { method?: unknown; url?: unknown; postData?: { text?: unknown } };
  startedDateTime?: unknown;
  pageref?: unknown;
}

/**
 * Reads a HAR file as browsers' DevTools export it. Every request becomes a record; entries
 * that are not requests are reported and skipped, never fatal.
 */
export function readHar(text: string, file: string): CaptureReadResult {
  const errors: InputError[] = [];
  const records: CapturedRecord[] = [];

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(text);
    const detail = where
      ? `${where.problem} at line ${where.line}, column ${where.column}`
      : error instanceof Error
        ? error.message
        : String(error);
    errors.push({
      source: where ? { file, line: where.line } : { file },
      message: `${file} is not valid JSON: ${detail}`,
      hint: 'Export the HAR again from DevTools (Network panel → "Export HAR"), or check the file is complete.',
    });
    return { format: 'har', records, errors };
  }

  const entries = (document as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) {
    errors.push({
      source: { file },
      message: `${file} has no "log.entries" array, so it is not a HAR file.`,
      hint: 'Pass a HAR export, an NDJSON capture or a text file with one URL per line.',
    });
    return { format: 'har', records, errors };
  }

  const pages = pageUrlsById(document);
  entries.forEach((entry: HarEntry, index) => {
    const request = entry?.request;
    if (!request || typeof request.url !== 'string') {
      errors.push({
        source: { file, entry: index },
        message: `${file}: entry ${index} has no request URL.`,
        hint: 'The entry was skipped; the other entries were read.',
      });
      return;
    }
    const body = request.postData?.text;
    const time =
      typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
    const pageUrl = typeof entry.pageref === 'string' ? pages.get(entry.pageref) : undefined;
    records.push({
      kind: 'request',
      url: request.url,
      ...(typeof request.method === 'string' ? { method: request.method } : {}),
      ...(typeof body === 'string' && body !== '' ? { body } : {}),
      ...(Number.isFinite(time) ? { time } : {}),
      ...(pageUrl ? { pageUrl } : {}),
      source: { file, entry: index },
    });
  });
  return { format: 'har', records, errors };
}

function pageUrlsById(document: unknown): Map<string, string> {
  const pages = (document as { log?: { pages?: unknown } }).log?.pages;
  const byId = new Map<string, string>();
  if (!Array.isArray(pages)) return byId;
  for (const page of pages as Array<{ id?: unknown; title?: unknown }>) {
    if (typeof page?.id === 'string' && typeof page.title === 'string')
      byId.set(page.id, page.title);
  }
  return byId;
}
