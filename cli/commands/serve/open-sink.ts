import { resolve } from 'node:path';
import { ClickHouseSink } from '../../../collector/sinks/clickhouse-sink.js';
import { DuckDbSink } from '../../../collector/sinks/duckdb-sink.js';
import { NdjsonSink } from '../../../collector/sinks/ndjson-sink.js';
import { PostgresSink } from '../../../collector/sinks/postgres-sink.js';
import type { Sink } from '../../../collector/sinks/sink.js';
import { UsageError } from '../../usage-error.js';

export interface SinkFlags {
  db?: string;
  postgres?: string;
  clickhouse?: string;
  ndjson?: string;
}

/** The default warehouse: a DuckDB file in the current directory. */
export const DEFAULT_DUCKDB_FILE = 'tagwarden.duckdb';

/** The one sink the flags name, and where its spool lives unless `--spool` says otherwise. */
export function openSink(flags: SinkFlags): { sink: Sink; spoolDirectory: string } {
  const chosen = (['db', 'postgres', 'clickhouse', 'ndjson'] as const).filter(
    (flag) => flags[flag] !== undefined,
  );
  if (chosen.length > 1) {
    throw new UsageError(
      `choose one warehouse, not ${chosen.map((flag) => `--${flag}`).join(' and ')}`,
      'Pass one of --db FILE.duckdb, --postgres URL, --clickhouse URL or --ndjson DIR.',
    );
  }
  if (flags.postgres !== undefined) {
    return {
      sink: new PostgresSink(checkUrl(flags.postgres, '--postgres', ['postgres:', 'postgresql:'])),
      spoolDirectory: 'tagwarden-spool',
    };
  }
  if (flags.clickhouse !== undefined) {
    return {
      sink: new ClickHouseSink(checkUrl(flags.clickhouse, '--clickhouse', ['http:', 'https:'])),
      spoolDirectory: 'tagwarden-spool',
    };
  }
  if (flags.ndjson !== undefined) {
    return {
      sink: new NdjsonSink(resolve(flags.ndjson)),
      spoolDirectory: resolve(flags.ndjson, '.spool'),
    };
  }
  const file = resolve(flags.db ?? DEFAULT_DUCKDB_FILE);
  return { sink: new DuckDbSink(file), spoolDirectory: `${file}.spool` };
}

function checkUrl(url: string, flag: string, protocols: string[]): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined || !protocols.includes(parsed.protocol)) {
    throw new UsageError(
      `${flag} needs a ${protocols[0]}// URL, not "${url.replace(/\/\/[^@/]*@/, '//…@')}"`,
      flag === '--postgres'
        ? 'Example: --postgres postgresql://user:password@localhost:5432/analytics'
        : 'Example: --clickhouse http://default:password@localhost:8123/analytics',
    );
  }
  return url;
}
