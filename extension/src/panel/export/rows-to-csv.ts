import { describeConsent } from '../model/consent-summary.js';
import type { TimelineRow } from '../model/timeline-row.js';

const COLUMNS = [
  'seq',
  'time',
  'page_url',
  'layer',
  'vendor',
  'measurement_id',
  'name',
  'status',
  'violation_codes',
  'violation_paths',
  'violation_messages',
  'key_params',
  'consent',
  'pii',
] as const;

/**
 * The timeline as CSV (RFC 4180): one line per row with its verdict, violations, key
 * parameters, consent and personal-data flags. Cells that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, CR at the start) are prefixed with `'`: captured values
 * come from web pages.
 */
export function rowsToCsv(rows: readonly TimelineRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    const violations = row.verdicts.flatMap((verdict) => verdict.violations);
    const cells = [
      String(row.seq),
      new Date(row.time).toISOString(),
      row.pageUrl,
      row.layer,
      row.vendor,
      row.measurementId ?? '',
      row.label,
      row.status,
      violations.map((violation) => violation.code).join('; '),
      violations.map((violation) => violation.path).join('; '),
      violations.map((violation) => violation.message).join(' | '),
      row.keyParams.map((param) => `${param.key}=${param.value}`).join('; '),
      describeConsent(row.consent),
      row.pii.map((finding) => `${finding.kind} at ${finding.path}`).join('; '),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
