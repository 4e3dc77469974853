import { describe, expect, it } from 'vitest';
import { createDataLayerReplay } from '../../shared/datalayer/create-data-layer-replay.js';
import type { DataLayerModelInterface } from '../../shared/datalayer/create-model-interface.js';
import { replayPushes } from '../../shared/datalayer/replay-pushes.js';

type ModelFunction = (this: DataLayerModelInterface) => void;

function modelAfter(pushes: unknown[]) {
  const replay = createDataLayerReplay();
  const steps = replay.push(...pushes);
  return { model: replay.model, steps };
}

const products = () => [{ price: 10 }, { price: 20 }, { price: 30 }];

// Ported from data-layer-helper test/processStates_test.js: [name, pushes, final model].
const stateCases: Array<[string, unknown[], Record<string, unknown>]> = [
  ['nothing pushed leaves an empty model', [], {}],
  ['one state', [{ a: 1 }], { a: 1 }],
  ['two states, the later wins', [{ a: 1 }, { a: 2 }], { a: 2 }],
  ['a dotted state nests', [{ 'a.b': 1 }], { a: { b: 1 } }],
  [
    'set overrides an earlier value',
    [
      { a: 0 },
      function (this: DataLayerModelInterface) {
        this.set('a', 1);
      },
    ],
    { a: 1 },
  ],
  [
    'set on an empty model',
    [
      function (this: DataLayerModelInterface) {
        this.set('b', 'one');
      },
    ],
    { b: 'one' },
  ],
  [
    'set with a dotted path and an array',
    [
      function (this: DataLayerModelInterface) {
        this.set('c.d', [3]);
      },
    ],
    { c: { d: [3] } },
  ],
  [
    'get reads the array length for a set',
    [
      { products: products() },
      function (this: DataLayerModelInterface) {
        this.set('numProducts', (this.get('products') as unknown[]).length);
      },
    ],
    { products: products(), numProducts: 3 },
  ],
  [
    'mutating what get returned changes the model (push and pop)',
    [
      { products: products() },
      function (this: DataLayerModelInterface) {
        const list = this.get('products') as Array<{ price: number }>;
        const last = list.pop()!;
        last.price *= 2;
        list.push(last);
      },
    ],
    { products: [{ price: 10 }, { price: 20 }, { price: 60 }] },
  ],
  [
    'elements can be read one by one',
    [
      { products: products() },
      function (this: DataLayerModelInterface) {
        const list = this.get('products') as Array<{ price: number }>;
        this.set(
          'orderTotal',
          list.reduce((total, product) => total + product.price, 0),
        );
      },
    ],
    { products: products(), orderTotal: 60 },
  ],
  [
    'a throwing function does not crash the replay',
    [
      () => {
        throw new Error('Scary Error');
      },
    ],
    {},
  ],
  [
    'sets before a throw still apply',
    [
      function (this: DataLayerModelInterface) {
        this.set('a', 1);
        throw new Error('Scary Error');
      },
    ],
    { a: 1 },
  ],
  [
    'a throw keeps what the set changed',
    [
      { a: 1, b: 2 },
      function (this: DataLayerModelInterface) {
        this.set('a', 3);
        throw new Error('Scary Error');
      },
    ],
    { a: 3, b: 2 },
  ],
  [
    'later messages still process after a throw',
    [
      function (this: DataLayerModelInterface) {
        this.set('a', 1);
        throw new Error('Scary Error');
      },
      { a: 2 },
    ],
    { a: 2 },
  ],
  // README "Custom Methods" and D20.
  [
    'set can wrap what get returned',
    [
      { abc: [1, 2, 3] },
      function (this: DataLayerModelInterface) {
        this.set('abc', { xyz: this.get('abc') });
      },
    ],
    { abc: { xyz: [1, 2, 3] } },
  ],
  [
    'reset empties the model',
    [
      { a: 1, b: { c: 2 } },
      function (this: DataLayerModelInterface) {
        this.reset();
      },
      { d: 3 },
    ],
    { d: 3 },
  ],
];

describe('function pushes (data-layer-helper processStates_test, ported)', () => {
  it.each(stateCases)('%s', (_name, pushes, expected) => {
    expect(modelAfter(pushes).model).toEqual(expected);
  });

  it('sees the values merged so far, nested ones included', () => {
    const seen: unknown[] = [];
    modelAfter([
      { a: { b: { c: [3] } } },
      function (this: DataLayerModelInterface) {
        seen.push(this.get('a.b.c.0'), this.get('a.b'), this.get('missing.path'));
      },
    ]);
    expect(seen).toEqual([3, { c: [3] }, undefined]);
  });

  it('reads undefined through null instead of throwing like GTM', () => {
    let read: unknown = 'not read';
    const { steps } = modelAfter([
      { a: null },
      function (this: DataLayerModelInterface) {
        read = this.get('a.b.c');
      },
    ]);
    expect(read).toBeUndefined();
    expect(steps[1]?.warnings).toEqual([]);
  });

  it('reports a throw as a warning that names the error', () => {
    const { steps } = modelAfter([
      () => {
        throw new TypeError('bad');
      },
    ]);
    expect(steps[0]).toMatchObject({ kind: 'function', event: null, model: {} });
    expect(steps[0]?.warnings).toMatchObject([
      { code: 'function_threw', message: expect.stringContaining('TypeError: bad') },
    ]);
  });

  it('reports a set whose path is not text, and keeps running the function', () => {
    const { model, steps } = modelAfter([
      function (this: DataLayerModelInterface) {
        this.set(5 as unknown as string, 'x');
        this.set('ok', true);
      },
    ]);
    expect(model).toEqual({ ok: true });
    expect(steps[0]?.warnings.map((warning) => warning.code)).toEqual(['function_set_invalid']);
  });

  it('guards set against prototype keys', () => {
    const { model, steps } = modelAfter([
      function (this: DataLayerModelInterface) {
        this.set('__proto__.polluted', 1);
      },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(model).toEqual({});
    expect(steps[0]?.warnings.map((warning) => warning.code)).toEqual(['unsafe_key_skipped']);
  });

  it('notes an async function and does not leave its rejection unhandled', async () => {
    const { steps } = modelAfter([
      async function (this: DataLayerModelInterface) {
        this.set('before', 1);
        throw new Error('later');
      },
    ]);
    await Promise.resolve();
    expect(steps[0]?.warnings.map((warning) => warning.code)).toEqual([
      'function_returned_promise',
    ]);
  });

  it('cannot run a function that crossed JSON as a $function marker', () => {
    const steps = replayPushes([{ a: 1 }, { $function: 'updateModel' }]);
    expect(steps[1]).toMatchObject({
      kind: 'function',
      model: { a: 1 },
      push: { $function: 'updateModel' },
    });
    expect(steps[1]?.warnings.map((warning) => warning.code)).toEqual(['function_not_replayable']);
  });
});

describe('pushes made while a message is processed (re-entrancy)', () => {
  it('queues a push made by a function and processes it after the current one', () => {
    const replay = createDataLayerReplay();
    const innerResult: unknown[] = [];
    const steps = replay.push(
      { a: 'originalValue' },
      function () {
        innerResult.push(replay.push({ a: 'newValue' }));
      },
      { b: 'after' },
    );

    expect(replay.model).toEqual({ a: 'newValue', b: 'after' });
    expect(innerResult).toEqual([[]]);
    // The queued push runs after the messages already waiting, as in GTM.
    expect(steps.map((step) => step.push)).toEqual([
      { a: 'originalValue' },
      { $function: '' },
      { b: 'after' },
      { a: 'newValue' },
    ]);
    expect(steps.map((step) => step.index)).toEqual([0, 1, 2, 3]);
  });

  it('lets a function push itself again until it stops (integration "recursive type methods")', () => {
    const replay = createDataLayerReplay();
    const method: ModelFunction = function () {
      const calls = this.get('numCustomMethodCalls') as number;
      if (calls < 10) {
        this.set('numCustomMethodCalls', calls + 1);
        replay.push(method);
      }
    };
    const steps = replay.push({ numCustomMethodCalls: 0 }, function () {
      replay.push(method);
    });

    expect(replay.model['numCustomMethodCalls']).toBe(10);
    expect(steps).toHaveLength(13);
    expect(steps.map((step) => step.model['numCustomMethodCalls'])).toEqual([
      0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10,
    ]);
  });

  it('keeps processing later messages when a queued function throws', () => {
    const replay = createDataLayerReplay();
    const steps = replay.push(() => {
      replay.push(
        () => {
          throw new Error('inner');
        },
        { after: true },
      );
    });
    expect(steps.map((step) => step.warnings.map((warning) => warning.code))).toEqual([
      [],
      ['function_threw'],
      [],
    ]);
    expect(replay.model).toEqual({ after: true });
  });
});
