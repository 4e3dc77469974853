import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../cli/package-version.js';
import { apiDefinitions } from '../gtm-template/sandbox/apis/api-registry.js';
import { createWebWorld } from '../gtm-template/sandbox/apis/default-worlds.js';
import { createRecordingNetwork } from '../gtm-template/sandbox/apis/recording-network.js';
import type { ParsedTemplate, WebWorld } from '../gtm-template/sandbox/contract.js';
import { parseTemplate } from '../gtm-template/sandbox/format/parse-template.js';
import { createPermissionChecker } from '../gtm-template/sandbox/permissions/create-permission-checker.js';
import { createSeededRandom } from '../gtm-template/sandbox/runtime/deterministic-world.js';
import { runTemplate } from '../gtm-template/sandbox/runtime/run-template.js';
import { decodeRequest } from '../shared/beacons/decode-request.js';
import { readCapture } from '../shared/capture/read-capture.js';
import type { CapturedRequest } from '../shared/capture/captured-input.js';
import type { Ga4Event } from '../shared/events/event-types.js';

/**
 * Bytes on the wire per event, the web mirror beside gtag: the mirror template runs in the
 * sandbox runtime (a recording network, nothing leaves the machine) on every GA4 event of the
 * bundled real captures, set up as its GA4 tag was, and the length of every URL it sends is set
 * against what gtag sent for the same events (URL plus body, a batch's shared URL counted once).
 * A 30-item purchase, grown from the captures' largest purchase, is measured on its own: the
 * mirror splits it across requests. Target: mirror bytes ÷ GA4 bytes ≤ 1.3.
 */
const root = packageRoot();
const ENDPOINT = 'https://collect.example.com/g/collect';
const GA4_ORIGIN = 'https://www.google-analytics.com';
const TARGET_RATIO = 1.3;

interface Measure {
  events: number;
  ga4Bytes: number;
  mirrorBytes: number;
  mirrorRequests: number;
}

const template = loadWebMirror();

async function main(): Promise<void> {
  const requests = loadGa4Requests();
  const byName = new Map<string, Measure>();
  const total: Measure = { events: 0, ga4Bytes: 0, mirrorBytes: 0, mirrorRequests: 0 };
  for (const request of requests) {
    const events = ga4Events(request);
    const ga4Bytes = bytesOf(absoluteUrl(request.url)) + bytesOf(request.body ?? '');
    for (const event of events) {
      const urls = await mirrorUrls(event);
      const measure: Measure = {
        events: 1,
        ga4Bytes: ga4Bytes / events.length,
        mirrorBytes: urls.reduce((sum, url) => sum + bytesOf(url), 0),
        mirrorRequests: urls.length,
      };
      add(byName, event.name ?? '(no name)', measure);
      addTo(total, measure);
    }
  }

  console.log(
    `web mirror bytes ÷ GA4 bytes, ${requests.length} real GA4 requests (${total.events} events)`,
  );
  console.log(
    `  ${'event'.padEnd(22)}${'events'.padStart(7)}${'GA4 B/event'.padStart(13)}${'mirror B/event'.padStart(16)}${'ratio'.padStart(8)}`,
  );
  for (const [name, measure] of [...byName].sort(([left], [right]) => left.localeCompare(right))) {
    console.log(`  ${row(name, measure)}`);
  }
  console.log(`  ${row('all events', total)}`);
  const large = await thirtyItemPurchase(requests);
  console.log(`  ${row('purchase, 30 items', large)}   (${large.mirrorRequests} mirror requests)`);
  const ratio = total.mirrorBytes / total.ga4Bytes;
  const largeRatio = large.mirrorBytes / large.ga4Bytes;
  const isMet = ratio <= TARGET_RATIO && largeRatio <= TARGET_RATIO;
  console.log(`target: ≤ ${TARGET_RATIO} ${isMet ? 'met' : 'NOT met'}`);
}

function row(name: string, measure: Measure): string {
  const ga4 = measure.ga4Bytes / measure.events;
  const mirror = measure.mirrorBytes / measure.events;
  const ratio = measure.mirrorBytes / measure.ga4Bytes;
  return `${name.padEnd(22)}${String(measure.events).padStart(7)}${Math.round(ga4).toLocaleString('en-US').padStart(13)}${Math.round(mirror).toLocaleString('en-US').padStart(16)}${ratio.toFixed(2).padStart(8)}`;
}

/** The mirror's URLs for one event, with the tag set up as the GA4 tag that sent it. */
async function mirrorUrls(event: Ga4Event): Promise<string[]> {
  const network = createRecordingNetwork();
  const run = await runTemplate(template, {
    apis: apiDefinitions,
    permissions: createPermissionChecker(template.permissions, 'web'),
    network,
    web: pageOf(event),
    now: () => 1_766_755_461_000,
    random: createSeededRandom(3),
    data: fieldsOf(event),
  });
  if (run.outcome !== 'succeeded') {
    throw new Error(`the mirror did not send ${event.name}: ${JSON.stringify(run.errors)}`);
  }
  return network.requests.map((request) => request.url);
}

function fieldsOf(event: Ga4Event): Record<string, unknown> {
  const rows = (record: Record<string, unknown>) =>
    Object.entries(record).map(([name, value]) => ({ name, value }));
  return {
    measurementId: event.ids.measurementId,
    eventName: event.name,
    endpoint: ENDPOINT,
    eventParameters: rows(event.params),
    userProperties: rows(event.userProperties),
    userId: event.ids.userId ?? '',
    sendEcommerceData: event.items.length > 0,
    joinKeyParameter: 'event_id',
    consentMode: 'cookieless',
  };
}

function pageOf(event: Ga4Event): WebWorld {
  const { clientId, sessionId, sessionCount, measurementId } = event.ids;
  const cookies =
    clientId === undefined
      ? []
      : [
          { name: '_ga', value: `GA1.1.${clientId}` },
          {
            name: `_ga_${(measurementId ?? 'G-').slice(2)}`,
            value: `GS2.1.s${sessionId ?? '0'}$o${sessionCount ?? 1}$g${event.session.engaged ? 1 : 0}$t0$j0$l0$h0`,
          },
        ];
  const gcs = event.consent.gcs;
  return createWebWorld({
    url: event.page.location ?? '',
    title: event.page.title ?? '',
    referrer: event.page.referrer ?? '',
    cookies,
    consent:
      gcs === undefined ? {} : { analytics_storage: gcs.charAt(3) === '1' ? 'granted' : 'denied' },
    dataLayerModel: event.items.length > 0 ? { ecommerce: { items: event.items } } : {},
    containerVersion: { containerId: 'GTM-BENCH', debugMode: false, previewMode: false },
  });
}

/** The largest captured purchase with its items repeated to 30, as gtag would send it. */
async function thirtyItemPurchase(requests: CapturedRequest[]): Promise<Measure> {
  const purchases = requests.filter((request) =>
    ga4Events(request).some((event) => event.name === 'purchase' && event.items.length > 0),
  );
  const largest = purchases.sort((left, right) => right.url.length - left.url.length)[0];
  if (largest === undefined) throw new Error('the captures hold no purchase with items');
  const url = absoluteUrl(largest.url);
  const itemPairs = url.split('&').filter((pair) => /^pr\d+=/.test(pair));
  const grown = Array.from({ length: 30 }, (_unused, index) => {
    const pair = itemPairs[index % itemPairs.length] ?? '';
    return `pr${index + 1}=${pair.slice(pair.indexOf('=') + 1).replace(/~id([^~]*)/, `~id$1_${index}`)}`;
  });
  const ga4Url = [...url.split('&').filter((pair) => !/^pr\d+=/.test(pair)), ...grown].join('&');
  const [event] = ga4Events({ url: ga4Url });
  if (event === undefined) throw new Error('the grown purchase does not decode');
  const urls = await mirrorUrls(event);
  return {
    events: 1,
    ga4Bytes: bytesOf(ga4Url),
    mirrorBytes: urls.reduce((sum, mirrored) => sum + bytesOf(mirrored), 0),
    mirrorRequests: urls.length,
  };
}

function ga4Events(request: { url: string; body?: string }): Ga4Event[] {
  const decoded = decodeRequest(request);
  return decoded.kind === 'ga4' ? decoded.events.filter((event) => event.name !== null) : [];
}

function absoluteUrl(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  return url.startsWith('/') ? `${GA4_ORIGIN}${url}` : `${GA4_ORIGIN}/g/collect?${url}`;
}

function bytesOf(text: string): number {
  return new TextEncoder().encode(text).length;
}

function add(table: Map<string, Measure>, name: string, measure: Measure): void {
  const current = table.get(name) ?? { events: 0, ga4Bytes: 0, mirrorBytes: 0, mirrorRequests: 0 };
  addTo(current, measure);
  table.set(name, current);
}

function addTo(target: Measure, measure: Measure): void {
  target.events += measure.events;
  target.ga4Bytes += measure.ga4Bytes;
  target.mirrorBytes += measure.mirrorBytes;
  target.mirrorRequests += measure.mirrorRequests;
}

function loadWebMirror(): ParsedTemplate {
  const parsed = parseTemplate(
    readFileSync(join(root, 'gtm-template/web-mirror/template.tpl'), 'utf8'),
  );
  if (!parsed.ok) throw new Error('gtm-template/web-mirror/template.tpl does not parse');
  return parsed.template;
}

function loadGa4Requests(): CapturedRequest[] {
  const directory = join(root, 'test/fixtures/captures');
  return readdirSync(directory)
    .filter((name) => /\.(har|ndjson|txt)$/.test(name))
    .flatMap((name) => readCapture(readFileSync(join(directory, name), 'utf8'), name).records)
    .filter((record): record is CapturedRequest => record.kind === 'request' && !record.isPasted)
    .filter((record) => ga4Events(record).length > 0);
}

await main();
