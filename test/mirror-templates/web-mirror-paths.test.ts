import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  HttpResponse,
  NetworkPort,
  OutgoingRequest,
} from '../../gtm-template/sandbox/contract.js';
import { decodeMirrorHits } from './decode-mirror-hits.js';
import { encodeGtagHit } from './encode-gtag-hit.js';
import { completionsOf, runWebMirror } from './mirror-runtime.js';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import { mirrorSetupFor, thirtyItemPurchase, type MirrorSetup } from './web-mirror-setups.js';

/** A purchase of 30 items: split across requests at the default 8,000-byte limit. */
function largeSetup(): MirrorSetup {
  const decoded = decodeRequest({ url: encodeGtagHit(thirtyItemPurchase()) });
  if (decoded.kind !== 'ga4') throw new Error('the 30-item purchase does not decode');
  return mirrorSetupFor(decoded.events[0]!, 'GS2');
}

/** A network that records every request and answers each with what `answer` says. */
function scriptedNetwork(answer: (request: OutgoingRequest) => number | 'fails'): NetworkPort & {
  urls: string[];
} {
  const urls: string[] = [];
  return {
    urls,
    send(request): Promise<HttpResponse> {
      urls.push(request.url);
      const status = answer(request);
      if (status === 'fails') return Promise.reject(new Error('connection refused'));
      return Promise.resolve({ statusCode: status, headers: {}, body: '' });
    },
  };
}

const deniedConsent = { analytics_storage: 'denied' as const, ad_storage: 'denied' as const };

describe('the web mirror completes the tag exactly once', () => {
  it.each([
    {
      path: 'consent granted, one request answered',
      setup: () => largeSetupWith({ maxUrlLength: 99_999 }),
      network: () => scriptedNetwork(() => 200),
      outcome: 'succeeded',
      requests: 1,
    },
    {
      path: 'a split hit whose parts are all stored',
      setup: largeSetup,
      network: () => scriptedNetwork(() => 200),
      outcome: 'succeeded',
      requests: 2,
    },
    {
      path: 'a split hit whose last part times out at the collector (408)',
      setup: largeSetup,
      network: () =>
        scriptedNetwork((request) => (/tw_part=(\d+)\/\1&/.test(request.url) ? 408 : 200)),
      outcome: 'failed',
      requests: 2,
    },
    {
      path: 'the collector refusing the hit (400)',
      setup: () => largeSetupWith({ maxUrlLength: 99_999 }),
      network: () => scriptedNetwork(() => 400),
      outcome: 'failed',
      requests: 1,
    },
    {
      path: 'the network failing',
      setup: () => largeSetupWith({ maxUrlLength: 99_999 }),
      network: () => scriptedNetwork(() => 'fails'),
      outcome: 'failed',
      requests: 1,
    },
    {
      path: 'analytics storage denied, skip mode',
      setup: () => largeSetupWith({}, deniedConsent),
      network: () => scriptedNetwork(() => 200),
      outcome: 'succeeded',
      requests: 0,
    },
    {
      path: 'analytics storage denied, cookieless mode',
      setup: () =>
        largeSetupWith({ consentMode: 'cookieless', maxUrlLength: 99_999 }, deniedConsent),
      network: () => scriptedNetwork(() => 200),
      outcome: 'succeeded',
      requests: 1,
    },
    {
      path: 'analytics storage denied, waiting for an update',
      setup: () => largeSetupWith({ consentMode: 'waitForUpdate' }, deniedConsent),
      network: () => scriptedNetwork(() => 200),
      outcome: 'succeeded',
      requests: 0,
    },
    {
      path: 'no measurement ID',
      setup: () => largeSetupWith({ measurementId: '' }),
      network: () => scriptedNetwork(() => 200),
      outcome: 'failed',
      requests: 0,
    },
    {
      path: 'an event too large for 64 parts',
      setup: () => tenfoldSetup({ maxUrlLength: 1000 }),
      network: () => scriptedNetwork(() => 200),
      outcome: 'failed',
      requests: 0,
    },
  ])('on the path: $path', async ({ setup, network, outcome, requests }) => {
    const port = network();
    const { data, page } = setup();

    const { run } = await runWebMirror(data, page, { network: port });

    expect(run.errors).toEqual([]);
    expect(run.outcome).toBe(outcome);
    const completions = completionsOf(run);
    expect(completions.success + completions.failure).toBe(1);
    if (requests < 2) expect(port.urls).toHaveLength(requests);
    else expect(port.urls.length).toBeGreaterThanOrEqual(requests);
  });

  it('sends the cookieless hit without client ID, session or user ID, and reads no cookie', async () => {
    const { data, page } = largeSetupWith(
      { consentMode: 'cookieless', maxUrlLength: 99_999, userId: 'U-42' },
      deniedConsent,
    );

    const { run, urls } = await runWebMirror(data, page);

    const [event] = decodeMirrorHits(urls)[0]!.events;
    expect(event!.ids).toEqual({ measurementId: 'G-ABC123' });
    expect(event!.consent.gcs).toBe('G100');
    expect(run.calls.some((call) => call.api === 'getCookieValues')).toBe(false);
  });
});

function largeSetupWith(
  fields: Record<string, unknown>,
  consent?: Record<string, 'granted' | 'denied'>,
): MirrorSetup {
  const setup = largeSetup();
  return {
    data: { ...setup.data, ...fields },
    page: { ...setup.page, ...(consent === undefined ? {} : { consent }) },
  };
}

/** The 30-item purchase with its items ten times over: 300 items. */
function tenfoldSetup(fields: Record<string, unknown>): MirrorSetup {
  const setup = largeSetupWith(fields);
  const model = setup.page.dataLayerModel as { ecommerce: { items: unknown[] } };
  const items = Array.from({ length: 10 }, () => model.ecommerce.items).flat();
  return { ...setup, page: { ...setup.page, dataLayerModel: { ecommerce: { items } } } };
}

/** Lone UTF-16 surrogates travel as U+FFFD, as the warehouse would store them anyway. */
function withoutLoneSurrogates(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

const hostileName = fc.constantFrom('__proto__', 'constructor', 'a.b', 'x~y', 'a&b=c', ' ', 'é');
const anyValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

describe('the web mirror on untrusted page input', () => {
  it('never errors, completes once, keeps Object.prototype clean and loses no parameter or item', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.stringMatching(/^p_[a-z0-9_]{1,12}$/), anyValue, { maxKeys: 8 }),
        fc.array(fc.tuple(hostileName, anyValue), { maxLength: 3 }),
        fc.array(
          fc.record({
            item_id: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
            price: fc
              .double({ min: 0, max: 1e6, noNaN: true })
              .map((value) => (value === 0 ? 0 : value)),
            quantity: fc.integer({ min: 0, max: 1000 }),
          }),
          { maxLength: 40 },
        ),
        fc.string({ unit: 'binary', maxLength: 60 }),
        async (params, hostile, items, cookie) => {
          const setup = largeSetup();
          const rows = [
            ...Object.entries(params).map(([name, value]) => ({ name, value })),
            ...hostile.map(([name, value]) => ({ name, value })),
            { name: 'items', value: items },
          ];
          const data = { ...setup.data, eventParameters: rows, sendEcommerceData: false };
          const page = { ...setup.page, cookies: [{ name: '_ga', value: cookie }] };

          const { run, urls } = await runWebMirror(data, page);

          expect(run.errors).toEqual([]);
          const completions = completionsOf(run);
          expect(completions.success + completions.failure).toBe(1);
          expect(Object.prototype).not.toHaveProperty('p_polluted');
          expect(Object.keys(Object.prototype)).toEqual([]);
          if (run.outcome !== 'succeeded') return;
          const [event] = decodeMirrorHits(urls)[0]!.events;
          expect(event!.items).toHaveLength(items.length);
          event!.items.forEach((item, index) => {
            expect(item.item_id).toBe(withoutLoneSurrogates(items[index]!.item_id));
            expect(item.quantity).toBe(items[index]!.quantity);
          });
          for (const [name, value] of Object.entries(params)) {
            if (typeof value === 'string')
              expect(event!.params[name]).toBe(withoutLoneSurrogates(value));
            if (typeof value === 'number') expect(event!.params[name]).toBe(value);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
