import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapturedRecord } from '../../shared/capture/captured-input.js';
import { readCapture } from '../../shared/capture/read-capture.js';
import { checkCaptures } from '../../shared/check/check-captures.js';
import type { CheckedEvent } from '../../shared/check/check-report.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';

const bundled = loadPlan(
  readFileSync(new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url), 'utf8'),
  'ga4-recommended',
);
if (!bundled.ok) throw new Error('the bundled plan must load');
const plan: TrackingPlan = bundled.plan;

function push(
  value: unknown,
  line: number,
  pageUrl = 'https://shop.example.test/',
): CapturedRecord {
  return { kind: 'push', push: value, pageUrl, source: { file: 'session.ndjson', line } };
}

function check(records: CapturedRecord[]) {
  return checkCaptures(records, plan, { inputs: ['session.ndjson'] });
}

const item = (id: string, extra: Record<string, unknown> = {}) => ({
  item_id: id,
  price: 9.99,
  quantity: 1,
  ...extra,
});
const codesOf = (event: CheckedEvent | undefined) =>
  event?.violations.map((violation) => violation.code);

describe('checking a capture session', () => {
  it('warns when GTM still holds items of an earlier push because ecommerce was not cleared', () => {
    const report = check([
      push(
        {
          event: 'view_item_list',
          ecommerce: { items: [item('A', { item_brand: 'Google' }), item('B'), item('C')] },
        },
        1,
      ),
      push(
        { event: 'add_to_cart', ecommerce: { currency: 'USD', value: 9.99, items: [item('D')] } },
        2,
      ),
    ]);

    const addToCart = report.events.find((event) => event.name === 'add_to_cart');
    const stale = addToCart?.violations.find((violation) => violation.code === 'stale_model_value');
    expect(stale).toMatchObject({ severity: 'warning', path: '/items/0/item_brand' });
    expect(stale?.message).toContain(
      'ecommerce.items.0.item_brand, ecommerce.items.1, ecommerce.items.2',
    );
    expect(stale?.message).toContain('Push {ecommerce: null}');
  });

  it('stays quiet about the model when the page clears ecommerce first, as Google recommends', () => {
    const report = check([
      push({ event: 'view_item_list', ecommerce: { items: [item('A'), item('B')] } }, 1),
      push({ ecommerce: null }, 2),
      push(
        { event: 'add_to_cart', ecommerce: { currency: 'USD', value: 9.99, items: [item('D')] } },
        3,
      ),
    ]);

    const addToCart = report.events.find((event) => event.name === 'add_to_cart');
    expect(addToCart?.status).toBe('valid');
    expect(codesOf(addToCart)).toEqual([]);
  });

  it('starts a fresh model on every page, so a new page load never looks stale', () => {
    const report = check([
      push(
        { event: 'view_item_list', ecommerce: { items: [item('A'), item('B')] } },
        1,
        'https://shop.example.test/list',
      ),
      push(
        { event: 'add_to_cart', ecommerce: { currency: 'USD', value: 9.99, items: [item('D')] } },
        2,
        'https://shop.example.test/product',
      ),
    ]);

    expect(codesOf(report.events.find((event) => event.name === 'add_to_cart'))).toEqual([]);
  });

  it('turns a gtag event pushed as an array into an invalid row, since GTM never sends it', () => {
    const report = check([push(['event', 'sign_up', { method: 'email' }], 1)]);

    expect(report.events).toHaveLength(1);
    expect(report.events[0]).toMatchObject({
      name: 'sign_up',
      layer: 'datalayer',
      status: 'invalid',
    });
    expect(report.events[0]?.violations).toMatchObject([
      { code: 'gtag_array_push', severity: 'error' },
    ]);
  });

  it('validates gtag event parameters, not the arguments wrapper', () => {
    const report = check([push({ $arguments: ['event', 'login', { method: 'Google' }] }, 1)]);

    expect(report.events).toMatchObject([
      { name: 'login', layer: 'datalayer', status: 'valid', violations: [] },
    ]);
  });

  it("leaves GTM's own lifecycle events out of the verdicts", () => {
    const report = check([
      push({ 'gtm.start': 1763632800123, event: 'gtm.js' }, 1),
      push({ event: 'gtm.dom' }, 2),
    ]);

    expect(report.events).toEqual([]);
  });

  it('names the earlier event by its input and line when a purchase is sent twice', () => {
    const purchase = {
      event: 'purchase',
      ecommerce: { transaction_id: 'T_1', currency: 'EUR', value: 5, items: [item('A')] },
    };
    const report = check([push(purchase, 4), push({ ecommerce: null }, 5), push(purchase, 6)]);

    const second = report.events[1];
    expect(second?.status).toBe('invalid');
    expect(
      second?.violations.find((violation) => violation.code === 'duplicate_event')?.message,
    ).toContain('session.ndjson:4');
  });

  it('lists planned events that never came, only on layers the inputs cover', () => {
    const report = check([push({ $arguments: ['event', 'login', { method: 'Google' }] }, 1)]);

    const missing = new Map(report.missing.map((event) => [event.name, event.layers]));
    expect(missing.has('login')).toBe(false);
    expect(missing.get('sign_up')).toEqual(['datalayer']);
    expect(missing.has('first_visit')).toBe(false);
  });

  it('counts the summary from the events it reports', () => {
    const records = ['content-sites.har', 'datalayer-session.ndjson', 'shop-journey.har'].flatMap(
      (name) =>
        readCapture(
          readFileSync(new URL(`../fixtures/captures/${name}`, import.meta.url), 'utf8'),
          name,
        ).records,
    );

    const report = checkCaptures(records, plan, { inputs: [] });

    const { summary, events } = report;
    expect(summary.events).toBe(events.length);
    expect(summary.valid + summary.invalid + summary.unplanned).toBe(events.length);
    const errors = events
      .flatMap((event) => event.violations)
      .filter((violation) => violation.severity === 'error');
    expect(summary.violations.error).toBe(errors.length);
    expect(report.auxiliary.map((hit) => hit.kind)).toContain('signals-ping');
    expect(new Set(report.otherBeacons.map((beacon) => beacon.vendor))).toEqual(
      new Set(['universal-analytics', 'google-ads', 'floodlight', 'meta-pixel']),
    );
  });

  it('never throws on random capture text and leaves Object.prototype clean', () => {
    const line = fc.oneof(
      fc.string(),
      fc.json().map((json) => `{"type":"push","push":${json}}`),
      fc.string().map((text) =>
        JSON.stringify({
          type: 'request',
          url: `https://www.google-analytics.com/g/collect?v=2&en=${text}`,
          body: text,
        }),
      ),
      fc.constantFrom(
        '{"type":"push","push":{"__proto__":{"polluted":1},"event":"x"}}',
        '{"type":"push","push":{"event":"purchase","ecommerce":{"items":[{"__proto__":{"polluted":1}}]}}}',
        '{"type":"push","push":["event","__proto__",{"constructor":{"prototype":{"polluted":1}}}]}',
        '{"type":"request","url":"/g/collect?v=2&tid=G-1&en=__proto__&ep.__proto__=1&pr1=k__proto__~v0x"}',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const capture = readCapture(lines.join('\n'), 'random.ndjson');
        const report = checkCaptures(capture.records, plan, {
          inputs: ['random.ndjson'],
          inputErrors: capture.errors,
        });
        expect(report.summary.events).toBe(report.events.length);
        expect(JSON.parse(JSON.stringify(report))).toBeTruthy();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
