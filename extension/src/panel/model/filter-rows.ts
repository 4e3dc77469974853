import type { RowLayer, RowStatus, TimelineRow } from './timeline-row.js';

/** What the filter bar asks for; empty lists and texts mean "any". */
export interface RowFilter {
  layers: readonly RowLayer[];
  statuses: readonly RowStatus[];
  vendor: string;
  measurementId: string;
  text: string;
  isPiiOnly: boolean;
}

export const EMPTY_FILTER: RowFilter = {
  layers: [],
  statuses: [],
  vendor: '',
  measurementId: '',
  text: '',
  isPiiOnly: false,
};

/** The rows the filter lets through, in their order. */
export function filterRows(rows: readonly TimelineRow[], filter: RowFilter): TimelineRow[] {
  const layers = new Set(filter.layers);
  const statuses = new Set(filter.statuses);
  const needle = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (layers.size === 0 || layers.has(row.layer)) &&
      (statuses.size === 0 || statuses.has(row.status)) &&
      (filter.vendor === '' || row.vendor === filter.vendor) &&
      (filter.measurementId === '' || row.measurementId === filter.measurementId) &&
      (!filter.isPiiOnly || row.pii.length > 0) &&
      (needle === '' || searchTextOf(row).includes(needle)),
  );
}

/** The vendors and measurement IDs present, for the filter bar's choices. */
export function filterChoices(rows: readonly TimelineRow[]): {
  vendors: string[];
  measurementIds: string[];
} {
  const vendors = new Set<string>();
  const measurementIds = new Set<string>();
  for (const row of rows) {
    vendors.add(row.vendor);
    if (row.measurementId) measurementIds.add(row.measurementId);
  }
  return { vendors: [...vendors].sort(), measurementIds: [...measurementIds].sort() };
}

const searchTexts = new WeakMap<TimelineRow, string>();

/**
 * Everything free-text search looks at, lower-cased: name, lane, vendor, IDs, page, key
 * parameters, violations and the payload itself. Built on first search, then kept.
 */
export function searchTextOf(row: TimelineRow): string {
  const cached = searchTexts.get(row);
  if (cached !== undefined) return cached;
  const parts = [
    row.label,
    row.layer,
    row.vendor,
    row.measurementId ?? '',
    row.pageUrl,
    ...row.keyParams.map((param) => `${param.key}=${param.value}`),
    ...row.verdicts.flatMap((verdict) =>
      verdict.violations.map(
        (violation) => `${violation.code} ${violation.path} ${violation.message}`,
      ),
    ),
    payloadText(row),
  ];
  const text = parts.join('\n').toLowerCase();
  searchTexts.set(row, text);
  return text;
}

function payloadText(row: TimelineRow): string {
  const { source } = row;
  if (source.kind === 'push') return safeJson(source.push.push);
  const body = source.hit.page?.body ?? source.hit.network?.body ?? '';
  if (source.kind === 'ga4')
    return `${safeJson(source.input.properties)}\n${source.hit.url}\n${body}`;
  return `${source.hit.url}\n${body}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
