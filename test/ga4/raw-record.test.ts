import { describe, expect, it } from 'vitest';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { A26, A6 } from './fixtures/part-a-ga4-beacons.js';

const EVENT_FIELDS = [
  'layer',
  'name',
  'params',
  'items',
  'userProperties',
  'consent',
  'ids',
  'page',
  'session',
  'campaign',
  'clientHints',
  'serverSide',
  'flags',
  'unknown',
  'raw',
  'lineIndex',
  'endpoint',
  'warnings',
];

/** Every `key=value` of a query or body line, still encoded, later keys winning. */
function expectedRaw(...texts: string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const pair of texts.flatMap((text) => text.split('&'))) {
    if (pair === '') continue;
    const equalsAt = pair.indexOf('=');
    const key = equalsAt === -1 ? pair : pair.slice(0, equalsAt);
    raw[decodeURIComponent(key)] = equalsAt === -1 ? '' : pair.slice(equalsAt + 1);
  }
  return raw;
}

function firstEvent(url: string, body?: string) {
  const [event] = decodeCollectHit(url, body);
  if (event === undefined) throw new Error('no event decoded');
  return event;
}

describe('the raw record of a decoded hit', () => {
  it('is an own enumerable field like the others, and the event has no other keys', () => {
    const event = firstEvent(A6.url);
    expect(Object.keys(event).sort()).toEqual([...EVENT_FIELDS].sort());
    expect(Object.getOwnPropertyDescriptor(event, 'raw')?.enumerable).toBe(true);
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
  });

  it('holds every key of sample A6 with its value still encoded', () => {
    const query = A6.url.slice(A6.url.indexOf('?') + 1);
    expect(firstEvent(A6.url).raw).toEqual(expectedRaw(query));
  });

  it('reaches JSON.stringify, structuredClone, spreading and deep equality whole', () => {
    const event = firstEvent(A6.url);
    const raw = { ...event.raw };
    expect(raw.cu).toBe('USD');
    expect(JSON.parse(JSON.stringify(event)).raw).toEqual(raw);
    expect(structuredClone(event).raw).toEqual(raw);
    expect({ ...event }.raw).toEqual(raw);
    expect(event).toEqual(JSON.parse(JSON.stringify(event)));
    expect(event).not.toEqual({ ...JSON.parse(JSON.stringify(event)), raw: {} });
  });

  it('is the same record on every read, and assigning a record replaces it', () => {
    const event = firstEvent(A6.url);
    const raw = event.raw;
    expect(event.raw).toBe(raw);
    raw.cu = 'EUR';
    expect(event.raw.cu).toBe('EUR');

    event.raw = { en: 'replaced' };
    expect(event.raw).toEqual({ en: 'replaced' });
    expect(JSON.parse(JSON.stringify(event)).raw).toEqual({ en: 'replaced' });
  });

  it('merges the URL with each body line, the line winning (sample A26)', () => {
    const [query = ''] = A26.url.split('?').slice(1);
    const lines = (A26.body ?? '').split('\r\n');
    const events = decodeCollectHit(A26.url, A26.body);
    expect(events.map((event) => event.raw)).toEqual(lines.map((line) => expectedRaw(query, line)));
  });
});

describe('the events of one batched request', () => {
  it('share no object, so changing one event leaves the others as decoded (sample A26)', () => {
    const [first, second] = decodeCollectHit(A26.url, A26.body);
    if (first === undefined || second === undefined) throw new Error('expected two events');
    const secondBefore = JSON.stringify(second);

    first.ids.clientId = 'changed';
    first.page.title = 'changed';
    first.clientHints.platform = 'changed';
    first.unknown.tag_exp = 'changed';
    first.consent.gcd = 'changed';
    first.raw.cid = 'changed';
    first.warnings.push({ code: 'changed', message: 'changed' });

    expect(JSON.stringify(second)).toBe(secondBefore);
    for (const group of ['params', 'ids', 'page', 'consent', 'unknown', 'raw'] as const) {
      expect(first[group]).not.toBe(second[group]);
    }
  });
});
