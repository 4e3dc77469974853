import type { CollectRequest, HitEvent, SharedHitFields } from './collect-hit-types.js';
import { encodeItem } from './encode-item.js';

type Pair = readonly [key: string, value: string];

/**
 * Builds one `/g/collect` request the way gtag does (protocol notes §2): the shared values in
 * the URL; a single event's name and parameters in the URL too, with an empty body; several
 * events as one body line each, joined by CR LF, with no `en` in the URL. `hitSequence` is `_s`,
 * counted per request; `msSinceNavigation` is `tfd`.
 */
export function encodeCollectRequest(
  endpoint: string,
  shared: SharedHitFields,
  events: HitEvent[],
  request: { hitSequence: number; msSinceNavigation: number },
): CollectRequest {
  const urlPairs = sharedPairs(shared, request.hitSequence);
  const [onlyEvent] = events;
  const isSingle = events.length === 1 && onlyEvent !== undefined;
  if (isSingle) urlPairs.push(...eventPairs(onlyEvent));
  urlPairs.push(['tfd', String(Math.round(request.msSinceNavigation))]);

  const url = `${endpoint}?${joinPairs(urlPairs)}`;
  const body = isSingle ? '' : events.map((event) => joinPairs(eventPairs(event))).join('\r\n');
  return { url, body };
}

function sharedPairs(shared: SharedHitFields, hitSequence: number): Pair[] {
  const { consent, page } = shared;
  const pairs: Pair[] = [
    ['v', '2'],
    ['tid', shared.measurementId],
    ['gtm', shared.gtmBuild],
    ['_p', String(shared.pageLoadId)],
  ];
  if (consent.gcs !== undefined) pairs.push(['gcs', consent.gcs]);
  pairs.push(
    ['gcd', consent.gcd],
    ['npa', consent.npa],
    ['dma_cps', consent.dmaCps],
    ['dma', '1'],
    ['cid', shared.clientId],
    ['ul', shared.language],
    ['sr', shared.screenResolution],
    ['are', '1'],
    ['frm', '0'],
    ['pscdl', 'noapi'],
    ['_eu', 'AAAAAAQ'],
    ['_s', String(hitSequence)],
    ['sid', String(shared.sessionId)],
    ['sct', String(shared.sessionCount)],
    ['seg', shared.isSessionEngaged ? '1' : '0'],
    ['dl', page.location],
  );
  if (page.referrer !== '') pairs.push(['dr', page.referrer]);
  pairs.push(['dt', page.title]);
  return pairs;
}

function eventPairs(event: HitEvent): Pair[] {
  const pairs: Pair[] = [['en', event.name]];
  const { flags } = event;
  if (flags.isFirstVisit) pairs.push(['_fv', '1']);
  if (flags.isNewSessionId) pairs.push(['_nsi', '1']);
  if (flags.isSessionStart) pairs.push(['_ss', '1']);
  if (flags.isExplicit) pairs.push(['_ee', '1']);
  if (flags.isKeyEvent) pairs.push(['_c', '1']);

  const currency = event.params.currency;
  if (typeof currency === 'string') pairs.push(['cu', currency]);
  event.items.forEach((item, index) => pairs.push([`pr${index + 1}`, encodeItem(item)]));
  for (const [name, value] of Object.entries(event.params)) {
    if (name === 'currency' || name === 'items') continue;
    const pair = parameterPair(name, value);
    if (pair) pairs.push(pair);
  }
  if (event.engagementMs !== undefined) pairs.push(['_et', String(event.engagementMs)]);
  return pairs;
}

// The prefix follows the value's JavaScript type, not the GA4 schema (protocol notes §3.4):
// a string value travels as `ep.value`, which is how a plan can catch it on the wire.
function parameterPair(name: string, value: unknown): Pair | undefined {
  if (typeof value === 'number') return [`epn.${name}`, String(value)];
  if (typeof value === 'string' || typeof value === 'boolean') return [`ep.${name}`, String(value)];
  return undefined;
}

// Items are already encoded token by token; everything else is encoded here, once.
function joinPairs(pairs: Pair[]): string {
  return pairs
    .map(([key, value]) => {
      const encodedValue = /^pr\d+$/.test(key) ? value : encodeURIComponent(value);
      return `${encodeURIComponent(key)}=${encodedValue}`;
    })
    .join('&');
}
