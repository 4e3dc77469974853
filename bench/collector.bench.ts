import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { packageRoot } from '../cli/package-version.js';
import { startBareServer } from './bare-http-server.js';
import { buildCollectorPayloads } from './collector-payloads.js';
import { runLoad, type LoadOrder, type LoadResult } from './collector-load.js';

/**
 * Sustained GA4 hits into `tagwarden serve` (DuckDB, durable acknowledgements) on loopback,
 * from a separate load process with keep-alive connections, beside a bare node:http server that
 * reads and discards the same requests (the ceiling), in one run. Prints events/s, latency p50
 * and p99, the collector's peak RSS and its share of the ceiling; targets ≥ 20,000 events/s,
 * p99 < 20 ms, ≥ 50 % of the ceiling. It also prints how fast the acknowledged events reached
 * DuckDB, from the first request until the spool was drained at shutdown: what the collector
 * sustains once the spool no longer absorbs the difference. BENCH_SECONDS, BENCH_BATCH (events
 * per request) and BENCH_CONCURRENCY change the load.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const batch = Number(process.env.BENCH_BATCH ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const self = fileURLToPath(import.meta.url);
const root = packageRoot();

async function main(): Promise<void> {
  const role = process.argv[2];
  if (role === 'ceiling') return serveCeiling();
  if (role === 'load') return answerLoadOrder();

  const payloads = buildCollectorPayloads(root, batch, { keepEventIds: false });
  const ceiling = await measureCeiling(payloads);
  const collector = await measureCollector(payloads);
  report(ceiling, collector);
}

interface CeilingRun extends LoadResult {
  /** The bare server's CPU per event, on the same scale as the collector's. */
  cpuMicrosPerEvent: number;
}

async function measureCeiling(payloads: LoadOrder['payloads']): Promise<CeilingRun> {
  const child = fork(self, ['ceiling'], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve) =>
    child.once('message', (message) => resolve(Number(message))),
  );
  const url = `http://127.0.0.1:${port}`;
  await load({ url, payloads, seconds: 1, concurrency });
  const cpuBefore = await childCpuMicros(child);
  const result = await load({ url, payloads, seconds, concurrency });
  const cpuMicrosPerEvent = ((await childCpuMicros(child)) - cpuBefore) / result.events;
  child.kill('SIGTERM');
  return { ...result, cpuMicrosPerEvent };
}

/** The CPU time (user and system, all threads) the ceiling process has used so far. */
function childCpuMicros(child: ChildProcess): Promise<number> {
  const answer = new Promise<number>((resolve) =>
    child.once('message', (message) => resolve(Number(message))),
  );
  child.send('cpu');
  return answer;
}

interface CollectorRun extends LoadResult {
  peakRssBytes: number;
  stored: number;
  /** Collector CPU (main thread, DuckDB and fs threads) per acknowledged event. */
  cpuMicrosPerEvent: number;
  /** Seconds from SIGTERM until every spooled row was in DuckDB and the process exited. */
  drainSeconds: number;
  /** Seconds from the first request (warm-up included) until the process exited. */
  loadingSeconds: number;
  /** Events acknowledged in the warm-up and the measured load: all of them were loaded. */
  allEvents: number;
  /** Collector CPU per event from the warm-up to the end of the drain (Linux only). */
  totalCpuMicrosPerEvent: number | undefined;
}

async function measureCollector(payloads: LoadOrder['payloads']): Promise<CollectorRun> {
  const directory = mkdtempSync(join(tmpdir(), 'tagwarden-bench-'));
  const database = join(directory, 'bench.duckdb');
  const child = spawn(
    process.execPath,
    [
      join(root, 'dist/cli/main.js'),
      'serve',
      '--port',
      '0',
      '--db',
      database,
      '--log-level',
      'warn',
      // Long enough to load the whole spool, so the rows counted are all that was sent.
      '--shutdown-seconds',
      '300',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await collectorUrl(child);
  const started = performance.now();
  const cpuAtStart = processCpuSeconds(child.pid);
  const warmUp = await load({ url, payloads, seconds: 1, concurrency });
  const cpuBefore = readMetric(
    await (await fetch(`${url}/metrics`)).text(),
    'process_cpu_seconds_total',
  );
  const result = await load({ url, payloads, seconds, concurrency });
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const peakRssBytes = readMetric(metrics, 'process_max_resident_memory_bytes');
  const cpuMicrosPerEvent =
    ((readMetric(metrics, 'process_cpu_seconds_total') - cpuBefore) * 1e6) / result.events;
  const stopping = performance.now();
  child.kill('SIGTERM');
  const cpuAtEnd = await lastCpuSeconds(child);
  const drainSeconds = (performance.now() - stopping) / 1000;
  const loadingSeconds = (performance.now() - started) / 1000;
  const stored = await countRows(database);
  rmSync(directory, { recursive: true, force: true });
  const allEvents = warmUp.events + result.events;
  const totalCpuMicrosPerEvent =
    cpuAtStart === undefined || cpuAtEnd === undefined
      ? undefined
      : ((cpuAtEnd - cpuAtStart) * 1e6) / allEvents;
  return {
    ...result,
    peakRssBytes,
    stored,
    cpuMicrosPerEvent,
    drainSeconds,
    loadingSeconds,
    allEvents,
    totalCpuMicrosPerEvent,
  };
}

/**
 * The CPU time (user and system, all threads) a process has used, from `/proc`; undefined
 * where there is none. The collector's loading runs at low priority and goes on after the
 * load, so its cost is only seen in full at its exit.
 */
function processCpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in the clock ticks of /proc (USER_HZ, 100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Waits for the process to exit, reading its CPU time until then; the last reading. */
async function lastCpuSeconds(child: ChildProcess): Promise<number | undefined> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let last = processCpuSeconds(child.pid);
  let isExited = false;
  void exited.then(() => (isExited = true));
  while (!isExited) {
    last = processCpuSeconds(child.pid) ?? last;
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return last;
}

function readMetric(text: string, name: string): number {
  return Number(new RegExp(`^${name} ([\\d.e+]+)$`, 'm').exec(text)?.[1] ?? 0);
}

function collectorUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /collecting at (\S+)\/g\/collect/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`tagwarden serve exited (${code}); run npm run build first`)),
    );
  });
}

async function countRows(file: string): Promise<number> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll('SELECT count(*) FROM events');
  const count = Number(reader.getRows()[0]?.[0] ?? 0);
  connection.closeSync();
  instance.closeSync();
  return count;
}

function load(order: LoadOrder): Promise<LoadResult> {
  const child = fork(self, ['load'], { stdio: 'inherit' });
  child.send(order);
  return new Promise((resolve) =>
    child.once('message', (message) => {
      child.kill();
      resolve(message as LoadResult);
    }),
  );
}

function report(ceiling: CeilingRun, collector: CollectorRun): void {
  const rate = (result: LoadResult): number => result.events / result.seconds;
  const format = (value: number): string => Math.round(value).toLocaleString('en-US').padStart(9);
  const ratio = rate(collector) / rate(ceiling);
  console.log(
    `collector load: ${seconds} s, ${concurrency} keep-alive connections, POST batches of ${batch} real GA4 events, loopback`,
  );
  console.log(
    `  bare node:http (read and discard) ${format(rate(ceiling))} events/s  p50 ${ceiling.latenciesMs.p50.toFixed(2)} ms  p99 ${ceiling.latenciesMs.p99.toFixed(2)} ms`,
  );
  console.log(
    `  tagwarden serve (DuckDB, fsync)   ${format(rate(collector))} events/s  p50 ${collector.latenciesMs.p50.toFixed(2)} ms  p99 ${collector.latenciesMs.p99.toFixed(2)} ms  peak RSS ${Math.round(collector.peakRssBytes / 1048576)} MiB`,
  );
  console.log(`  share of the ceiling              ${(ratio * 100).toFixed(0).padStart(8)} %`);
  const missing = collector.allEvents - collector.stored;
  const storedNote =
    missing === 0 ? 'every acknowledged event' : `${missing} acknowledged events MISSING`;
  console.log(
    `  acknowledged ${collector.events} events (errors ${collector.errors}); ${collector.stored} rows in DuckDB after shutdown (warm-up included, ${storedNote}), drained in ${collector.drainSeconds.toFixed(1)} s`,
  );
  console.log(
    `  loaded into DuckDB                ${format(collector.allEvents / collector.loadingSeconds)} events/s  (all ${collector.allEvents} acknowledged, first request to end of drain)`,
  );
  console.log(
    `  CPU per event: collector ${collector.cpuMicrosPerEvent.toFixed(0)} µs during the load, ${collector.totalCpuMicrosPerEvent?.toFixed(0) ?? 'n/a'} µs with its loading; bare server ${ceiling.cpuMicrosPerEvent.toFixed(1)} µs (all threads); machine load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
  );
  const check = (isMet: boolean): string => (isMet ? 'met' : 'NOT met');
  console.log(
    `targets: ≥ 20,000 events/s ${check(rate(collector) >= 20_000)}; p99 < 20 ms ${check(collector.latenciesMs.p99 < 20)}; ≥ 50 % of ceiling ${check(ratio >= 0.5)}`,
  );
}

async function serveCeiling(): Promise<void> {
  const { port } = await startBareServer();
  process.on('message', () => {
    const usage = process.cpuUsage();
    process.send?.(usage.user + usage.system);
  });
  process.send?.(port);
}

function answerLoadOrder(): void {
  process.once('message', (order) => {
    void runLoad(order as LoadOrder).then((result) => process.send?.(result));
  });
}

await main();
