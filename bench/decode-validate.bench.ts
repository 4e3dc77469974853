import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { decodeRequest } from '../shared/beacons/decode-request.js';
import { readCapture } from '../shared/capture/read-capture.js';
import type { CapturedRequest } from '../shared/capture/captured-input.js';
import { loadPlan } from '../shared/plan/load-plan.js';
import { createPlanValidator } from '../shared/validate/create-plan-validator.js';
import { ga4EventToTestInput } from '../shared/validate/ga4-event-to-test-input.js';
import { packageRoot } from '../cli/package-version.js';
import { baselineDecode } from './baseline-decode.js';

/**
 * Decode + validate throughput on one core over the bundled real captures, tagwarden beside a
 * straightforward baseline (URLSearchParams decoding plus the stock JSON Schema interpreter
 * that runs under MV3's CSP), measured in alternating rounds of one run so both see the same
 * machine. Prints events/s for each and the ratio; the targets are ≥ 100k events/s and ≥ 2×.
 */
const root = packageRoot();
const roundMs = Number(process.env.BENCH_ROUND_MS ?? 400);
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);

const plan = loadRecommendedPlan();
const requests = loadGa4Requests();
const validator = createPlanValidator(plan);
const baselineValidators = new Map(
  Object.values(plan.events).map((event) => [
    event.name,
    new Validator(event.schema as object, '2020-12', false),
  ]),
);

function tagwardenPass(): number {
  let events = 0;
  for (const request of requests) {
    const decoded = decodeRequest(request);
    if (decoded.kind !== 'ga4') continue;
    for (const event of decoded.events) {
      validator.validate(ga4EventToTestInput(event));
      events++;
    }
  }
  return events;
}

function baselinePass(): number {
  let events = 0;
  for (const request of requests) {
    for (const event of baselineDecode(request.url, request.body)) {
      baselineValidators.get(event.name ?? '')?.validate(event.properties);
      events++;
    }
  }
  return events;
}

function measure(pass: () => number): number {
  const start = performance.now();
  let events = 0;
  while (performance.now() - start < roundMs) events += pass();
  return (events / (performance.now() - start)) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function loadRecommendedPlan() {
  const path = join(root, 'shared/plans/ga4-recommended.yaml');
  const result = loadPlan(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(`bundled plan failed to load: ${result.errors[0]?.message}`);
  return result.plan;
}

function loadGa4Requests(): Array<{ url: string; body?: string }> {
  const directory = join(root, 'test/fixtures/captures');
  const records = readdirSync(directory)
    .filter((name) => /\.(har|ndjson|txt)$/.test(name))
    .flatMap((name) => readCapture(readFileSync(join(directory, name), 'utf8'), name).records);
  return records
    .filter((record): record is CapturedRequest => record.kind === 'request' && !record.isPasted)
    .filter((record) => decodeRequest(record).kind === 'ga4')
    .map((record) => ({
      url: record.url,
      ...(record.body === undefined ? {} : { body: record.body }),
    }));
}

function main(): void {
  const eventsPerPass = tagwardenPass();
  baselinePass();
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(measure(tagwardenPass));
    theirs.push(measure(baselinePass));
  }
  const oursMedian = median(ours);
  const baselineMedian = median(theirs);
  const ratio = oursMedian / baselineMedian;
  const format = (value: number) => Math.round(value).toLocaleString('en-US').padStart(9);

  console.log(
    `decode + validate, ${requests.length} real GA4 requests (${eventsPerPass} events) per pass, ${rounds} alternating rounds of ${roundMs} ms, median`,
  );
  console.log(`  tagwarden                                        ${format(oursMedian)} events/s`);
  console.log(
    `  baseline (URLSearchParams + @cfworker/json-schema) ${format(baselineMedian)} events/s`,
  );
  console.log(
    `  ratio                                            ${ratio.toFixed(2).padStart(9)}×`,
  );
  console.log(
    `targets: ≥ 100,000 events/s ${oursMedian >= 100_000 ? 'met' : 'NOT met'}; ≥ 2× baseline ${ratio >= 2 ? 'met' : 'NOT met'}`,
  );
}

main();
