import { MIRROR_SOURCES, type MirrorSource } from '../../shared/warehouse/mirror-row.js';

/**
 * A GA4 hit as the collector received it, which is what the spool holds for `/g/collect`: a
 * few hundred bytes instead of rows of kilobytes, decoded and turned into rows by the loader.
 * Event ids are derived from the hit itself, so building its rows again after a replay gives
 * the same ids and stores nothing twice.
 */
export interface RawHit {
  method: string;
  path: string;
  /** The query without the collector's `tw_*` keys, as sent. */
  query: string;
  /** The batch body's lines that were valid UTF-8, joined by `\n`. */
  body?: string;
  receivedAt: number;
  source: MirrorSource;
  templateVersion?: string;
  userAgent?: string;
  /** The `--time-zone` the hit was taken under, for `event_date`. */
  timeZone?: string;
  /** How many events the answer said were stored. */
  events: number;
}

/** Every spool line that holds a hit starts with this; any other line is a mirror row. */
export const RAW_HIT_PREFIX = '{"tw_hit":1,';

/** One spool line for a hit, with the row-like snake_case names the spool's rows use. */
export function rawHitLine(hit: RawHit): string {
  return JSON.stringify({
    tw_hit: 1,
    received_at: hit.receivedAt,
    method: hit.method,
    path: hit.path,
    source: hit.source,
    events: hit.events,
    template_version: hit.templateVersion,
    user_agent: hit.userAgent,
    time_zone: hit.timeZone,
    query: hit.query,
    body: hit.body,
  });
}

/** The hit of a spool line, or why the line cannot be one. */
export function readRawHit(line: string): RawHit | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { problem: 'the spool line is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return { problem: 'the spool line is not a JSON object' };
  }
  const record = parsed as Record<string, unknown>;
  const { method, path, query, source, events } = record;
  const receivedAt = record.received_at;
  if (
    typeof method !== 'string' ||
    typeof path !== 'string' ||
    typeof query !== 'string' ||
    typeof source !== 'string' ||
    typeof receivedAt !== 'number' ||
    typeof events !== 'number'
  ) {
    return { problem: 'the hit lacks method, path, query, source, received_at or events' };
  }
  if (!MIRROR_SOURCES.includes(source as MirrorSource)) {
    return { problem: `the hit's source must be one of ${MIRROR_SOURCES.join(', ')}` };
  }
  return {
    method,
    path,
    query,
    receivedAt,
    source: source as MirrorSource,
    events,
    ...optionalText('body', record.body),
    ...optionalText('templateVersion', record.template_version),
    ...optionalText('userAgent', record.user_agent),
    ...optionalText('timeZone', record.time_zone),
  };
}

function optionalText(name: string, value: unknown): Record<string, string> {
  return typeof value === 'string' ? { [name]: value } : {};
}
