import { describe, expect, it } from 'vitest';
import { createDataLayerReplay } from '../../shared/datalayer/create-data-layer-replay.js';
import type { DataLayerModelInterface } from '../../shared/datalayer/create-model-interface.js';
import { getModelValue } from '../../shared/datalayer/get-model-value.js';
import { replayPushes } from '../../shared/datalayer/replay-pushes.js';
import { gtag } from './real-captures.js';

describe('model snapshots', () => {
  it('gives every step its own view of the model at that point', () => {
    const steps = replayPushes([{ a: 1 }, { a: 2 }, { b: { c: 1 } }, { b: { d: 2 } }]);
    expect(steps.map((step) => step.model)).toEqual([
      { a: 1 },
      { a: 2 },
      { a: 2, b: { c: 1 } },
      { a: 2, b: { c: 1, d: 2 } },
    ]);
  });

  it('shares untouched branches between steps and re-serialises touched ones', () => {
    const steps = replayPushes([
      { page: { type: 'home' } },
      { ecommerce: { items: [1] } },
      { ecommerce: { items: [2] } },
    ]);
    expect(steps[2]?.model['page']).toBe(steps[1]?.model['page']);
    expect(steps[2]?.model['ecommerce']).not.toBe(steps[1]?.model['ecommerce']);
    expect(steps[1]?.model['ecommerce']).toEqual({ items: [1] });
  });

  it('reuses the whole snapshot when a step changes nothing', () => {
    const steps = replayPushes([{ a: 1 }, gtag('event', 'x'), 'ignored', ['missing.push', 1]]);
    expect(steps[1]?.model).toBe(steps[0]?.model);
    expect(steps[2]?.model).toBe(steps[0]?.model);
    expect(steps[3]?.model).toBe(steps[0]?.model);
  });

  it('freezes snapshots so one step cannot change another', () => {
    const [step] = replayPushes([{ a: { b: [1] } }]);
    expect(Object.isFrozen(step?.model)).toBe(true);
    expect(Object.isFrozen(getModelValue(step?.model, 'a.b'))).toBe(true);
    expect(Object.isFrozen(step?.push)).toBe(true);
  });

  it('records the push as it was before processing, even if the model later mutates it', () => {
    const replay = createDataLayerReplay();
    const [first] = replay.push({ list: { items: [{ id: 1 }] } });
    replay.push(['list.items.push', { id: 2 }]);
    expect(first?.push).toEqual({ list: { items: [{ id: 1 }] } });
    expect(first?.model).toEqual({ list: { items: [{ id: 1 }] } });
  });

  it('re-snapshots keys that share a container after a function links them', () => {
    const replay = createDataLayerReplay();
    const steps = replay.push(
      { a: { list: [1] }, b: { untouched: true } },
      function (this: DataLayerModelInterface) {
        // `_clear` stores the live object by reference, so a and b.shared are one object.
        this.set('b', { _clear: true, shared: this.get('a') });
      },
      { a: { list: [1, 2] } },
    );

    expect(replay.model['b']).toMatchObject({ shared: replay.model['a'] });
    expect(steps[2]?.model).toEqual({
      a: { list: [1, 2] },
      b: { untouched: true, shared: { list: [1, 2] } },
    });
  });

  it('re-snapshots everything after a command, which may reach any value', () => {
    const date = new Date('2020-01-01T00:00:00.000Z');
    const steps = replayPushes([
      { start: date, copy: { when: date } },
      ['start.setFullYear', 2021],
    ]);
    expect(steps[1]?.model).toEqual({
      start: { $date: '2021-01-01T00:00:00.000Z' },
      copy: { when: { $date: '2021-01-01T00:00:00.000Z' } },
    });
  });

  it('drops keys removed by reset from the next snapshot', () => {
    const steps = replayPushes([
      { a: 1 },
      function (this: DataLayerModelInterface) {
        this.reset();
      },
      { b: 2 },
    ]);
    expect(steps.map((step) => step.model)).toEqual([{ a: 1 }, {}, { b: 2 }]);
  });

  it('replays ten thousand pushes with one key each, sharing the rest', () => {
    const pushes = Array.from({ length: 10_000 }, (_unused, index) => ({
      event: 'tick',
      [`key${index % 50}`]: { index, items: [index] },
    }));
    const steps = replayPushes(pushes);

    expect(steps).toHaveLength(10_000);
    expect(steps.at(-1)?.model['key49']).toEqual({ index: 9999, items: [9999] });
    expect(steps.at(-1)?.model['key0']).toBe(steps.at(-2)?.model['key0']);
    expect(Object.keys(steps.at(-1)?.model ?? {})).toHaveLength(51);
  });
});

describe('snapshots on demand', () => {
  it('replays ten thousand pushes that each add a top-level key, each step seeing its own keys', () => {
    const steps = replayPushes(
      Array.from({ length: 10_000 }, (_unused, index) => ({ [`key${index}`]: index })),
    );

    expect(Object.keys(steps[0]?.model ?? {})).toEqual(['key0']);
    expect(Object.keys(steps[4_999]?.model ?? {})).toHaveLength(5_000);
    expect(steps[4_999]?.model['key4999']).toBe(4_999);
    expect(steps[4_999]?.model['key5000']).toBeUndefined();
    expect(Object.keys(steps.at(-1)?.model ?? {})).toHaveLength(10_000);
  });

  it('builds the model when read, yet gives the same object on every read', () => {
    const [step] = replayPushes([{ a: 1 }]);
    expect(typeof Object.getOwnPropertyDescriptor(step, 'model')?.get).toBe('function');
    expect(step?.model).toBe(step?.model);
  });

  it('hands the model to JSON, structured clone and spreading as plain data', () => {
    const step = replayPushes([{ a: { b: [1] } }])[0]!;
    expect(JSON.parse(JSON.stringify(step)).model).toEqual({ a: { b: [1] } });
    expect(structuredClone(step).model).toEqual({ a: { b: [1] } });
    expect({ ...step }.model).toEqual({ a: { b: [1] } });
  });
});

describe('the replay object', () => {
  it('processes several messages pushed at once in order, as dataLayer.push(a, b) does', () => {
    const replay = createDataLayerReplay();
    const steps = replay.push({ one: 1, two: 2 }, { two: 3 });
    expect(steps.map((step) => step.index)).toEqual([0, 1]);
    expect(replay.steps).toEqual(steps);
    expect(replay.model).toEqual({ one: 1, two: 3 });
  });

  it('keeps numbering across pushes', () => {
    const replay = createDataLayerReplay();
    replay.push({ a: 1 });
    const [step] = replay.push({ b: 2 });
    expect(step?.index).toBe(1);
    expect(replay.steps).toHaveLength(2);
  });

  it('returns steps that survive JSON unchanged', () => {
    const steps = replayPushes([
      {
        'gtm.start': 1,
        event: 'gtm.js',
        cb: () => undefined,
        when: new Date(0),
        nothing: undefined,
      },
      gtag('event', 'purchase', { value: Number.NaN }),
    ]);
    expect(JSON.parse(JSON.stringify(steps))).toEqual(steps);
  });
});

describe('getModelValue', () => {
  const model = {
    a: 1,
    b: { c: { d: 4 }, e: 5, f: null },
    list: [{ price: 3 }],
    '': { x: 'empty' },
  };

  // data-layer-helper test/get_test.js, plus the cases GTM would throw on.
  it.each([
    ['a', 1],
    ['b.c', { d: 4 }],
    ['b.c.d', 4],
    ['b.e', 5],
    ['b.f', null],
    ['blah', undefined],
    ['c', undefined],
    ['b.f.g', undefined],
    ['b.f.g.h', undefined],
    ['list.0.price', 3],
    ['list.length', 1],
    ['.x', 'empty'],
    ['__proto__', undefined],
    ['constructor', undefined],
    ['b.constructor.name', undefined],
    ['a.toFixed', undefined],
  ])('reads %j as %j', (path, expected) => {
    expect(getModelValue(model, path)).toEqual(expected);
  });

  it('returns the live value, not a copy', () => {
    expect(getModelValue(model, 'b.c')).toBe(model.b.c);
  });
});
