import { resolve } from 'node:path';
import { collectorDefaults, type CollectorOptions } from '../../../collector/collector-options.js';
import { startCollector } from '../../../collector/start-collector.js';
import { UsageError } from '../../usage-error.js';
import { openSink, type SinkFlags } from './open-sink.js';

export interface ServeFlags extends SinkFlags {
  port: string;
  host: string;
  token?: string;
  allowOrigin: string[];
  collectPath: string[];
  logLevel: string;
  spool?: string;
  spoolLimitMb: string;
  maxBodyKb: string;
  batchRows: string;
  batchMs: string;
  timeZone?: string;
  shutdownSeconds: string;
}

/**
 * `tagwarden serve`: runs the collector until SIGTERM or SIGINT, then stops taking requests,
 * answers those in flight and loads the spool into the warehouse before exiting.
 */
export async function runServe(flags: ServeFlags): Promise<void> {
  const { sink, spoolDirectory } = openSink(flags);
  const options: CollectorOptions = {
    ...collectorDefaults,
    host: flags.host,
    port: integerFlag(flags.port, '--port', 0, 65535),
    sink,
    spoolDirectory: resolve(flags.spool ?? spoolDirectory),
    allowOrigins: flags.allowOrigin,
    collectPaths: flags.collectPath.map(checkPath),
    logLevel: flags.logLevel,
    spoolLimitBytes:
      integerFlag(flags.spoolLimitMb, '--spool-limit-mb', 1, 1_000_000) * 1024 * 1024,
    maxBodyBytes: integerFlag(flags.maxBodyKb, '--max-body-kb', 1, 1_000_000) * 1024,
    batchMaxRows: integerFlag(flags.batchRows, '--batch-rows', 1, 10_000_000),
    batchMaxMs: integerFlag(flags.batchMs, '--batch-ms', 10, 3_600_000),
    shutdownSeconds: integerFlag(flags.shutdownSeconds, '--shutdown-seconds', 0, 3600),
    ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }),
  };
  const token = flags.token ?? process.env.TAGWARDEN_TOKEN;
  if (token !== undefined && token !== '') options.token = token;

  const collector = await startCollector(options).catch((error: unknown) => {
    throw new UsageError(
      `the collector could not start: ${error instanceof Error ? error.message : String(error)}`,
      `Check that ${sink.description} is reachable and that port ${options.port} is free.`,
    );
  });
  const stopped = new Promise<void>((done) => {
    const stop = (signal: string): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      collector.logger.warn({ signal }, 'stopping: flushing the spool');
      void collector.close().then((isDrained) => {
        if (!isDrained) {
          process.stderr.write(
            'tagwarden: some rows are still in the spool; they load at the next start\n',
          );
        }
        done();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  // Printed once the signal handlers are in place: whoever waits for this line may stop us.
  process.stdout.write(
    `tagwarden: collecting at ${collector.url}/g/collect into ${sink.description}\n`,
  );
  await stopped;
}

function integerFlag(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(
      `${flag} must be a whole number from ${min} to ${max}, not "${value}"`,
      `Example: ${flag} ${min}`,
    );
  }
  return number;
}

function checkPath(path: string): string {
  if (
    !/^\/[A-Za-z0-9._~\-/]*$/.test(path) ||
    ['/rows', '/healthz', '/readyz', '/metrics'].includes(path)
  ) {
    throw new UsageError(
      `--collect-path "${path}" is not a usable path`,
      'Example: --collect-path /tw/collect',
    );
  }
  return path;
}
