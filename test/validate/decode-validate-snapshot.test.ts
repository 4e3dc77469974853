import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type CapturedRequest } from '../../shared/beacons/decode-request.js';
import { readCapture } from '../../shared/capture/read-capture.js';
import { checkCaptures } from '../../shared/check/check-captures.js';
import type { Ga4Event, Layer } from '../../shared/events/event-types.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import { createPlanValidator } from '../../shared/validate/create-plan-validator.js';
import type { EventUnderTest } from '../../shared/validate/event-under-test.js';
import { ga4EventToTestInput } from '../../shared/validate/ga4-event-to-test-input.js';
import type { Capture } from '../ga4/fixtures/capture.js';
import * as partA from '../ga4/fixtures/part-a-ga4-beacons.js';
import * as partB from '../ga4/fixtures/part-b-universal-analytics.js';
import * as partC from '../ga4/fixtures/part-c-ads-and-pixels.js';
import * as corpusEvents from './corpus-events.js';
import { planFrom, shopPlan } from './plans.js';

// The whole corpus (the bundled captures, and corpus parts A–C and D's events as the test
// fixtures copy them) decoded and judged, compared with a snapshot taken before the decode and
// validate path was tuned for speed: a faster path must give byte-identical events, warnings,
// `raw` records, validator inputs and verdicts, property order included.

const capturesDirectory = new URL('../fixtures/captures/', import.meta.url);

/** A plan that turns on what the bundled one leaves off: naming, allowed names, overrides. */
const strictPlan = `
name: strict
globals:
  naming: {events: snake_case, parameters: camelCase}
  pii: {enabled: true, allow: [sha256_email_address, user_data], layers: [datalayer, ga4]}
  unplannedEvents: error
  severity: {naming_convention: error, reserved_name: info}
events:
  purchase:
    required: [transaction_id, items]
    properties:
      value: {type: number}
      items: {type: array, maxItems: 1}
  page_view:
    additionalProperties: false
    properties:
      page_title: {type: string, maxLength: 20}
`;

interface PlanCase {
  name: string;
  plan: TrackingPlan;
}

const plans: PlanCase[] = [
  {
    name: 'ga4-recommended',
    plan: planFrom(
      readFileSync(new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url), 'utf8'),
      'ga4-recommended.yaml',
    ),
  },
  { name: 'shop', plan: planFrom(shopPlan) },
  { name: 'strict', plan: planFrom(strictPlan) },
];

interface RequestCase {
  id: string;
  request: CapturedRequest;
  isPasted: boolean;
}

function captureFiles(): string[] {
  return readdirSync(capturesDirectory)
    .filter((name) => /\.(har|ndjson|txt)$/.test(name))
    .sort();
}

function readCaptureFile(name: string) {
  return readCapture(readFileSync(new URL(name, capturesDirectory), 'utf8'), name);
}

function corpusCaptures(): Capture[] {
  return [...Object.values(partA), ...Object.values(partB), ...Object.values(partC)].filter(
    (value): value is Capture => typeof value === 'object' && value !== null && 'url' in value,
  );
}

function requestCases(): RequestCase[] {
  const cases: RequestCase[] = [];
  for (const file of captureFiles()) {
    readCaptureFile(file).records.forEach((record, index) => {
      if (record.kind !== 'request') return;
      const request = {
        url: record.url,
        ...(record.body === undefined ? {} : { body: record.body }),
      };
      cases.push({ id: `${file}#${index}`, request, isPasted: record.isPasted === true });
    });
  }
  for (const capture of corpusCaptures()) {
    const request = {
      url: capture.url,
      ...(capture.body === undefined ? {} : { body: capture.body }),
    };
    cases.push({ id: capture.id, request, isPasted: capture.isPasted === true });
  }
  cases.push({
    id: 'A4+amplitude-body',
    request: { url: partA.A4.url, body: partA.A4_AMPLITUDE_BODY },
    isPasted: false,
  });
  return [...cases, ...batchedVariants(cases)];
}

/**
 * Each GA4 request again as a batch whose two body lines repeat the URL's own query: every
 * line overrides every shared value, and the first line decodes from a copy of the URL's draft.
 */
function batchedVariants(cases: RequestCase[]): RequestCase[] {
  return cases.flatMap(({ id, request, isPasted }) => {
    if (decodeRequest(request, { pasted: isPasted }).kind !== 'ga4') return [];
    const query = request.url.split('?')[1];
    if (query === undefined || query === '') return [];
    const body =
      request.body === undefined ? `${query}\r\n${query}` : `${query}\r\n${request.body}`;
    return [{ id: `${id}+batched`, request: { url: request.url, body }, isPasted }];
  });
}

/** JSON that also tells apart what JSON cannot: `undefined`, `-0`, `NaN` and infinities. */
function serialise(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === undefined) return '<undefined>';
    if (typeof item !== 'number' || (Number.isFinite(item) && !Object.is(item, -0))) return item;
    return `<number ${Object.is(item, -0) ? '-0' : String(item)}>`;
  });
}

/** Every direct event input of corpus part D and the decoded corpus events, on every layer. */
function directInputs(): Array<{ id: string; input: EventUnderTest }> {
  const layers: Layer[] = ['datalayer', 'ga4', 'warehouse', 'other'];
  const samples: Array<[string, string, Record<string, unknown>]> = [
    ['a28', 'purchase', corpusEvents.a28Purchase],
    ['a6', 'add_to_cart', corpusEvents.a6AddToCart],
    ['d6', 'purchase', corpusEvents.d6PurchasePush.ecommerce],
    ['d6-push', 'purchase', corpusEvents.d6PurchasePush],
    ['d7-wrong', 'purchase', corpusEvents.d7WrongCurrency.ecommerce],
    ['d7-right', 'purchase', corpusEvents.d7RightCurrency.ecommerce],
    ['d4', 'show_contact_info', corpusEvents.d4ContactInfo],
    ['a30', 'view_item', corpusEvents.a30ViewItem],
  ];
  return samples.flatMap(([id, name, properties]) =>
    layers.map((layer) => ({
      id: `${id}@${layer}`,
      input: {
        name,
        layer,
        properties,
        userProperties: { customerEmail: 'jane.doe@example.com', tier: 'gold' },
        userId: '+32 470 12 34 56',
        urls: { page_location: corpusEvents.a6PageLocation, page_title: corpusEvents.a26PageTitle },
      },
    })),
  );
}

function snapshotLines(): string[] {
  const lines: string[] = [];
  const validators = plans.map(({ name, plan }) => ({
    name,
    validator: createPlanValidator(plan),
  }));
  const ga4Events: Ga4Event[] = [];

  for (const { id, request, isPasted } of requestCases()) {
    const decoded = decodeRequest(request, { pasted: isPasted });
    lines.push(`decode ${id} ${serialise(decoded)}`);
    if (decoded.kind !== 'ga4') continue;
    decoded.events.forEach((event, index) => {
      ga4Events.push(event);
      const input = ga4EventToTestInput(event);
      lines.push(`input ${id}/${index} ${serialise(input)}`);
      for (const { name, validator } of validators) {
        lines.push(`verdict ${id}/${index} ${name} ${serialise(validator.validate(input))}`);
      }
    });
  }

  for (const { name, validator } of validators) {
    // Each verdict is pinned above; here only what judging them together adds: duplicates.
    const verdicts = validator.validateAll(ga4Events.map(ga4EventToTestInput));
    const duplicates = verdicts.map(({ status, violations }) => ({
      status,
      duplicates: violations.filter((violation) => violation.code === 'duplicate_event'),
    }));
    lines.push(`validateAll ga4 ${name} ${serialise(duplicates)}`);
    for (const { id, input } of directInputs()) {
      lines.push(`verdict ${id} ${name} ${serialise(validator.validate(input))}`);
    }
  }

  for (const file of captureFiles()) {
    const { records } = readCaptureFile(file);
    for (const { name, plan } of plans) {
      lines.push(
        `check ${file} ${name} ${serialise(checkCaptures(records, plan, { inputs: [file] }))}`,
      );
    }
  }
  return lines;
}

describe('the decode and validate path over the whole corpus', () => {
  it('gives the same events, inputs, verdicts and reports as the snapshot', async () => {
    const lines = snapshotLines();

    expect(lines.length).toBeGreaterThan(500);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(
      './__snapshots__/decode-validate-corpus.txt',
    );
  });

  it('gives the same results when the same inputs are judged a second time', () => {
    // Names are remembered between events (key traits, name facts, compiled schemas): a warm
    // validator must answer exactly as a cold one.
    expect(snapshotLines()).toEqual(snapshotLines());
  });
});
