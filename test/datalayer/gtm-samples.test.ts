import { describe, expect, it } from 'vitest';
import { createDataLayerReplay } from '../../shared/datalayer/create-data-layer-replay.js';
import type { DataLayerModelInterface } from '../../shared/datalayer/create-model-interface.js';
import { getModelValue } from '../../shared/datalayer/get-model-value.js';
import { replayPushes } from '../../shared/datalayer/replay-pushes.js';
import {
  D1_SNIPPET_PUSH,
  D2_MODEL,
  D10_VIDEO_START,
  d14Lead,
  d16AddToCart,
  gtag,
} from './real-captures.js';

describe('the event key (notes §11.7)', () => {
  it('makes D1, the container snippet push, the gtm.js event with model.gtm.start', () => {
    const [step] = replayPushes([D1_SNIPPET_PUSH]);
    expect(step).toMatchObject({ index: 0, kind: 'object', event: 'gtm.js' });
    expect(step?.model).toEqual({ gtm: { start: 1639524976560 }, event: 'gtm.js' });
  });

  it('rebuilds the D2 model from dotted gtm.* pushes (GTM adds uniqueEventId itself)', () => {
    const steps = replayPushes([
      D1_SNIPPET_PUSH,
      {
        event: 'gtm.scrollDepth',
        'gtm.scrollThreshold': 90,
        'gtm.scrollUnits': 'percent',
        'gtm.scrollDirection': 'vertical',
        'gtm.triggers': '1_27',
      },
      { event: 'checkout_button', value: '120' },
    ]);
    const { uniqueEventId, ...gtmWithoutId } = D2_MODEL.gtm;
    expect(uniqueEventId).toBe(2);
    expect(steps.at(-1)?.model).toEqual({ ...D2_MODEL, gtm: gtmWithoutId });
    expect(steps.map((step) => step.event)).toEqual([
      'gtm.js',
      'gtm.scrollDepth',
      'checkout_button',
    ]);
  });

  it('treats a message without an event key as a plain model update', () => {
    const [step] = replayPushes([{ pageType: 'home' }]);
    expect(step).toMatchObject({ event: null, kind: 'object', model: { pageType: 'home' } });
  });

  it('keeps the last event in the model after a later message without one', () => {
    const steps = replayPushes([{ event: 'first' }, { other: 1 }]);
    expect(steps[1]?.event).toBeNull();
    expect(steps[1]?.model['event']).toBe('first');
  });

  it.each([
    [{ event: 42 }, '42', 'info'],
    [{ event: null }, null, 'warning'],
    [{ event: { name: 'x' } }, null, 'warning'],
  ])('handles the odd event value in %o', (message, event, severity) => {
    const [step] = replayPushes([message]);
    expect(step?.event).toBe(event);
    expect(step?.warnings).toMatchObject([{ code: 'event_name_invalid', severity }]);
  });
});

describe('gtm.uniqueEventId (notes §11.7, §13 item 11)', () => {
  it('uses its own sequence and notes a site-supplied id from Date.now() (D16)', () => {
    const steps = replayPushes([{ event: 'gtm.js' }, d16AddToCart(1700000000123)]);
    expect(steps.map((step) => step.index)).toEqual([0, 1]);
    expect(steps[1]?.event).toBe('add_to_cart');
    expect(steps[1]?.warnings).toMatchObject([
      { code: 'site_unique_event_id', severity: 'info', key: 'gtm.uniqueEventId' },
    ]);
    expect(steps[1]?.model['gtm']).toEqual({ uniqueEventId: 1700000000123 });
  });

  it('keeps NaN and undefined from D16 visible in the snapshot instead of dropping them', () => {
    const [step] = replayPushes([d16AddToCart(1)]);
    expect(getModelValue(step?.model, 'ecommerce.value')).toEqual({ $number: 'NaN' });
    expect(getModelValue(step?.model, 'ecommerce.items.0')).toEqual({
      item_id: 'svc-42',
      item_name: 'Logo design',
      package_name: { $undefined: true },
      item_brand: 'Envobyte Ltd',
      price: { $number: 'NaN' },
      price_period: 'one-time',
    });
  });

  it('notes the constant id of D14 and the nested form too', () => {
    const steps = replayPushes([
      d14Lead('lead-1'),
      { gtm: { uniqueEventId: 7 } },
      { gtm: { start: 1 } },
    ]);
    expect(steps.map((step) => step.warnings.map((warning) => warning.code))).toEqual([
      ['site_unique_event_id'],
      ['site_unique_event_id'],
      [],
    ]);
  });
});

describe('D20: the data-layer-helper reference messages in sequence', () => {
  it('builds the model step by step', () => {
    const time = new Date('2013-12-20T15:23:22.000Z');
    const steps = replayPushes([
      { title: 'Migratory patterns of ducks', category: 'Science', author: 'Bradley Wogulis' },
      { one: { two: { three: 4 } } },
      { abc: [1, 2, 3], aaa: { bbb: [1, 2, 3] }, time },
      ['abc.push', 4, 5, 6],
      ['aaa.bbb.push', 4],
      ['time.setYear', 2014],
      function (this: DataLayerModelInterface) {
        (this.get('time') as Date).setMonth(0);
      },
      function (this: DataLayerModelInterface) {
        this.set('abc', { xyz: this.get('abc') });
      },
      gtag('set', 'foobar.barfoo.val', 'testVal'),
      { one: { two: { four: 4 }, _clear: true }, five: [3] },
    ]);

    expect(getModelValue(steps[1]?.model, 'one.two.three')).toBe(4);
    expect(steps[3]?.model['abc']).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps[4]?.model['aaa']).toEqual({ bbb: [1, 2, 3, 4] });
    expect(steps[5]?.model['time']).toEqual({ $date: '2014-12-20T15:23:22.000Z' });
    expect(steps[6]?.model['time']).toEqual({ $date: '2014-01-20T15:23:22.000Z' });
    expect(steps[7]?.model['abc']).toEqual({ xyz: [1, 2, 3, 4, 5, 6] });
    expect(steps[8]?.model['foobar']).toEqual({ barfoo: { val: 'testVal' } });
    expect(steps[9]?.model).toEqual({
      title: 'Migratory patterns of ducks',
      category: 'Science',
      author: 'Bradley Wogulis',
      one: { two: { four: 4 } },
      abc: { xyz: [1, 2, 3, 4, 5, 6] },
      aaa: { bbb: [1, 2, 3, 4] },
      time: { $date: '2014-01-20T15:23:22.000Z' },
      foobar: { barfoo: { val: 'testVal' } },
      five: [3],
    });
    expect(steps.map((step) => step.kind)).toEqual([
      'object',
      'object',
      'object',
      'command',
      'command',
      'command',
      'function',
      'function',
      'arguments',
      'object',
    ]);
    expect(steps[9]?.warnings.map((warning) => warning.code)).toEqual(['clear_flag_unverified']);
  });

  it('warns when the command runs before anything is at its path', () => {
    const [step] = replayPushes([['abc.push', 4, 5, 6]]);
    expect(step?.warnings.map((warning) => warning.code)).toEqual(['command_path_missing']);
    expect(step?.model).toEqual({});
  });
});

describe('history and separate layers (notes §11.1, §11.7, §13 items 17-18)', () => {
  it('turns every message already queued in a dump into a step, events included', () => {
    const steps = replayPushes([
      D1_SNIPPET_PUSH,
      D10_VIDEO_START,
      { event: 'gtm.dom' },
      { event: 'gtm.load' },
    ]);
    expect(steps.map((step) => step.event)).toEqual([
      'gtm.js',
      'event_data',
      'gtm.dom',
      'gtm.load',
    ]);
    expect(getModelValue(steps[1]?.model, 'event_data.event_name')).toBe('video_start');
  });

  it('keeps one model per dataLayer, so renamed or shared layers never mix', () => {
    const main = createDataLayerReplay();
    const renamed = createDataLayerReplay();
    main.push({ layer: 'dataLayer' });
    renamed.push({ other: true });
    expect(main.model).toEqual({ layer: 'dataLayer' });
    expect(renamed.model).toEqual({ other: true });
  });
});

describe('pushes GTM ignores', () => {
  it('ignores a revoked Proxy without throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const [step] = replayPushes([proxy]);
    expect(step).toMatchObject({
      kind: 'ignored',
      push: { $unclonable: expect.stringContaining('unreadable') },
    });
  });

  it.each([
    ['a string', 'event'],
    ['a number', 5],
    ['null', null],
    ['undefined', undefined],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
  ])('ignores %s with a note', (_name, value) => {
    const [step] = replayPushes([value]);
    expect(step).toMatchObject({ kind: 'ignored', event: null, model: {} });
    expect(step?.warnings.map((warning) => warning.code)).toEqual(['push_ignored']);
  });
});
