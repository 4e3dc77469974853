import { Option, type Command } from 'commander';
import { collectorDefaults } from '../../../collector/collector-options.js';
import type { QueryFlags } from './query-command.js';
import type { ServeFlags } from './serve-command.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `tagwarden serve` (the GA4-protocol warehouse endpoint) and `tagwarden query`. */
export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the collector: GA4 hits and mirror rows in, a GA4-export-shaped warehouse table out.',
    )
    .option(
      '--port <port>',
      'port to listen on (0 picks a free one)',
      String(collectorDefaults.port),
    )
    .option(
      '--host <host>',
      'address to listen on (0.0.0.0 for every interface)',
      collectorDefaults.host,
    )
    .option('--db <file>', 'DuckDB file (default ./tagwarden.duckdb)')
    .option('--postgres <url>', 'store in PostgreSQL instead: postgresql://user:password@host/db')
    .option(
      '--clickhouse <url>',
      'store in ClickHouse over HTTP: http://user:password@host:8123/db',
    )
    .option('--ndjson <dir>', 'store as NDJSON files in a directory')
    .option('--token <token>', 'bearer token for POST /rows (or TAGWARDEN_TOKEN)')
    .option(
      '--allow-origin <origin>',
      'browser origin allowed to send (repeatable; * for any)',
      collect,
      [],
    )
    .option('--collect-path <path>', 'another path that takes GA4 hits (repeatable)', collect, [])
    .addOption(
      new Option('--log-level <level>', 'log level on standard error')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default(collectorDefaults.logLevel),
    )
    .option('--spool <dir>', 'write-ahead spool directory (default beside the warehouse)')
    .option(
      '--spool-limit-mb <mb>',
      'spool size past which hits get 503',
      String(collectorDefaults.spoolLimitBytes / 1048576),
    )
    .option(
      '--max-body-kb <kb>',
      'largest request body',
      String(collectorDefaults.maxBodyBytes / 1024),
    )
    .option(
      '--batch-rows <rows>',
      'rows per spool segment (a hit counts as its events); one load may take several',
      String(collectorDefaults.batchMaxRows),
    )
    .option(
      '--batch-ms <ms>',
      'longest a row waits before its batch is written',
      String(collectorDefaults.batchMaxMs),
    )
    .option(
      '--time-zone <zone>',
      'IANA time zone for event_date (the GA4 property’s); UTC by default',
    )
    .option(
      '--shutdown-seconds <s>',
      'time to load the spool on SIGTERM',
      String(collectorDefaults.shutdownSeconds),
    )
    .addHelpText('after', '\nHTTP API, spool and split hits: see collector/README.md.')
    .action(async (flags: ServeFlags) => {
      // Loaded on use: DuckDB's native module would otherwise slow every other command's start.
      const { runServe } = await import('./serve-command.js');
      await runServe(flags);
    });

  program
    .command('query')
    .description("Run SQL against the collector's DuckDB file (read-only).")
    .argument('<sql>', 'the query, e.g. "SELECT event_name, count(*) FROM events GROUP BY 1"')
    .option('--db <file>', 'DuckDB file (default ./tagwarden.duckdb)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .action(async (sql: string, flags: QueryFlags) => {
      const { runQuery } = await import('./query-command.js');
      await runQuery(sql, flags);
    });
}
