import { canonicalJson } from './canonical-json.js';
import { cleanText } from './clean-text.js';
import { formatEventDate } from './format-event-date.js';
import { hashIdentity } from './hash-identity.js';
import { MIRROR_COLUMNS } from './mirror-columns.js';
import {
  MIRROR_SOURCES,
  type MirrorContext,
  type MirrorRow,
  type MirrorSource,
} from './mirror-row.js';
import { ColumnValueError, readStruct } from './read-column-value.js';

/** A row checked against the schema, or why it was refused. */
export type MirrorRowReading = { row: MirrorRow } | { error: string };

/**
 * Reads a mirror row sent as JSON (the server mirror's HTTP mode) and checks it against
 * `MIRROR_COLUMNS`: every value of the right type, no unknown columns, and `event_name` present.
 * What the sender may leave out is filled in: `event_id` (a hash of the row's content, so a
 * resent row is stored once), `source` (from the context), `received_at`, `event_timestamp` and
 * `event_date` (from the receive time), `platform` (`WEB`). Never throws.
 */
export function readMirrorRow(value: unknown, context: MirrorContext): MirrorRowReading {
  try {
    const row = readStruct(MIRROR_COLUMNS, value, '') as unknown as MirrorRow;
    if (typeof row.event_name !== 'string' || row.event_name === '') {
      return { error: 'event_name: required, and must be non-empty text' };
    }
    if (!MIRROR_SOURCES.includes((row.source ?? context.source) as MirrorSource)) {
      return { error: `source: must be one of ${MIRROR_SOURCES.join(', ')}` };
    }
    fillDefaults(row, value as Record<string, unknown>, context);
    return { row };
  } catch (error) {
    if (error instanceof ColumnValueError) {
      return { error: error.message };
    }
    return { error: `the row cannot be read: ${String(error)}` };
  }
}

function fillDefaults(
  row: MirrorRow,
  original: Record<string, unknown>,
  context: MirrorContext,
): void {
  const mutable = row as unknown as Record<string, unknown>;
  if (row.event_id === null || row.event_id === '') {
    mutable.event_id = hashIdentity(`row\u0001${canonicalJson(original)}`);
  }
  mutable.event_id = cleanText(String(mutable.event_id)).slice(0, 256);
  mutable.source ??= context.source;
  mutable.platform ??= 'WEB';
  mutable.received_at ??= new Date(Math.trunc(context.receivedAt)).toISOString();
  const receivedAt = Date.parse(row.received_at);
  mutable.event_timestamp ??= receivedAt * 1000;
  mutable.event_date ??= formatEventDate(row.event_timestamp / 1000, context.timeZone);
  if (row.template_version === null && context.templateVersion !== undefined) {
    mutable.template_version = cleanText(context.templateVersion);
  }
}
