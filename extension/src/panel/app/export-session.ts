import browser from 'webextension-polyfill';
import { downloadText } from '../../ui/browser-helpers.js';
import type { TabSession } from '../../common/session-types.js';
import { rowsToCsv } from '../export/rows-to-csv.js';
import { sessionToHar } from '../export/session-to-har.js';
import { sessionToNdjson } from '../export/session-to-ndjson.js';
import type { TimelineRow } from '../model/timeline-row.js';

export type ExportFormat = 'ndjson' | 'csv' | 'har';

/** Downloads the session in one of the export formats, named after its site and the time. */
export function exportSession(
  format: ExportFormat,
  session: TabSession,
  rows: readonly TimelineRow[],
  now: Date,
): void {
  const base = `tagwarden-${siteName(session)}-${stamp(now)}`;
  if (format === 'ndjson')
    downloadText(`${base}.ndjson`, sessionToNdjson(session), 'application/x-ndjson');
  else if (format === 'csv') downloadText(`${base}.csv`, rowsToCsv(rows), 'text/csv');
  else
    downloadText(
      `${base}.har`,
      sessionToHar(session, browser.runtime.getManifest().version),
      'application/json',
    );
}

function siteName(session: TabSession): string {
  try {
    const url = session.navigations.at(-1)?.url ?? session.pushes[0]?.pageUrl ?? '';
    return new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '_') || 'session';
  } catch {
    return 'session';
  }
}

function stamp(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}
