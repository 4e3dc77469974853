import { decodeRequest } from '../../shared/beacons/decode-request.js';
import { readInputFile } from '../read-input-file.js';
import { renderDecodeTable } from '../report/render-decode-table.js';
import { UsageError } from '../usage-error.js';

interface DecodeOptions {
  body?: string;
  format: 'json' | 'table';
}

/** `tagwarden decode`: one request in, its events out (contract in the README). */
export function runDecode(url: string, options: DecodeOptions): void {
  const body = options.body === undefined ? undefined : readInputFile(options.body);
  const decoded = decodeRequest(
    { url: url.trim(), ...(body === undefined ? {} : { body, method: 'POST' }) },
    { pasted: true },
  );

  if (decoded.kind === 'unrecognised') {
    throw new UsageError(
      `not an analytics request tagwarden recognises: ${truncate(url)}`,
      'Pass a GA4 /g/collect URL (any host or path prefix), a bare v=2&tid=G-… query string, ' +
        'or a Universal Analytics, Google Ads, Floodlight or Meta pixel URL.',
    );
  }

  const output =
    decoded.kind === 'ga4'
      ? { events: decoded.events }
      : decoded.kind === 'vendor'
        ? { events: [], beacon: decoded.beacon }
        : { events: [], auxiliary: decoded.request };
  process.stdout.write(
    options.format === 'table' ? renderDecodeTable(output) : JSON.stringify(output, null, 2) + '\n',
  );
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
