import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataLayerReplay } from '../../shared/datalayer/create-data-layer-replay.js';
import type { DataLayerModelInterface } from '../../shared/datalayer/create-model-interface.js';
import { reviveTransportValue } from '../../shared/datalayer/revive-transport-value.js';
import type { DataLayerModel } from '../../shared/datalayer/replay-types.js';
import { serialiseValue } from '../../shared/datalayer/serialise-value.js';

const trickyKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'a.__proto__',
  '__proto__.polluted',
  'constructor.prototype',
  'a',
  'a.b',
  'a..b',
  '',
  '.',
  '_clear',
  'a._clear',
  'event',
  'gtm.uniqueEventId',
  'gtm.start',
  'ecommerce',
  'items',
  '0',
  '1',
  '2',
  'length',
  'toString',
  'hasOwnProperty',
  'polluted',
  '$arguments',
  '$undefined',
  '$hole',
  '$function',
  '$date',
  '$node',
  '$unclonable',
  '$number',
  '$bigint',
];
const keyArbitrary = fc.oneof(fc.constantFrom(...trickyKeys), fc.string({ maxLength: 6 }));

const markerTexts = [
  '{"$undefined":true}',
  '{"$hole":true}',
  '{"$function":"cb"}',
  '{"$date":"2025-11-10T07:21:33.896Z"}',
  '{"$date":"not a date"}',
  '{"$node":"a#x.y"}',
  '{"$unclonable":"cycle"}',
  '{"$number":"NaN"}',
  '{"$number":"12"}',
  '{"$bigint":"123"}',
  '{"$bigint":"x"}',
  '{"$arguments":"no"}',
];
const leafJson = fc.oneof(
  fc
    .oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null))
    .map((value) => JSON.stringify(value)),
  fc.constantFrom(...markerTexts),
);

// JSON text is built by hand so keys like "__proto__" become own keys once parsed.
const { json } = fc.letrec<{ json: string; object: string; array: string }>((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, leafJson, tie('object'), tie('array')),
  object: fc
    .array(fc.tuple(keyArbitrary, tie('json')), { maxLength: 5 })
    .map(
      (entries) =>
        `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`,
    ),
  array: fc.array(tie('json'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
}));

const commandJson = fc
  .tuple(
    fc.constantFrom(
      'a.push',
      'a.b.splice',
      'items.sort',
      '__proto__.x',
      'constructor.assign',
      'event',
      'set',
      'x.y.z',
    ),
    fc.array(json, { maxLength: 3 }),
  )
  .map(([name, args]) => `[${[JSON.stringify(name), ...args].join(',')}]`);
const argumentsJson = fc
  .tuple(
    fc.constantFrom('set', 'event', 'config', 'consent', 'js', 'get', 'add'),
    fc.array(
      fc.oneof(
        json,
        fc.constantFrom('"default"', '"update"', '{"ad_storage":"granted","region":["ES"]}'),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([command, args]) => `{"$arguments":[${[JSON.stringify(command), ...args].join(',')}]}`);
const jsonPush = fc.oneof(json, commandJson, argumentsJson);

// In-page values JSON cannot express: cycles, deep chains, throwing getters, live functions.
// They are built inside the property, so fast-check never has to print or copy them.
const inPagePush = fc.oneof(
  fc.constant(() => {
    const loop: Record<string, unknown> = { event: 'loop' };
    loop['self'] = { back: loop, list: [loop] };
    return loop;
  }),
  fc.integer({ min: 50, max: 3000 }).map((depth) => () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < depth; level += 1) deep = level % 2 ? { deep } : [deep];
    return { deep };
  }),
  fc
    .integer({ min: 50, max: 3000 })
    .map((depth) => () => ({ [Array.from({ length: depth }, () => 'k').join('.')]: 1 })),
  fc.constant(() => ({
    get boom(): never {
      throw new Error('getter');
    },
  })),
  fc.tuple(keyArbitrary, json, fc.boolean()).map(
    ([key, value, shouldThrow]) =>
      () =>
        function (this: DataLayerModelInterface) {
          this.set(key, JSON.parse(value));
          this.set('alias', { _clear: true, copy: this.get(key) });
          if (shouldThrow) throw new Error('fuzz');
          this.get(`${key}.a.b`);
        },
  ),
  fc.constant(
    () =>
      function (this: DataLayerModelInterface) {
        this.reset();
      },
  ),
  fc.constant(() => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return { event: 'proxied', revoked: proxy, hostile: hostileProxy() };
  }),
  fc.constant(() => hostileProxy()),
);

// A Proxy whose every trap throws, as some host objects do.
function hostileProxy(): object {
  const trap = () => {
    throw new Error('trap');
  };
  return new Proxy(
    {},
    { get: trap, ownKeys: trap, getPrototypeOf: trap, has: trap, getOwnPropertyDescriptor: trap },
  );
}

// The naive oracle: the whole model serialised key by key right after the push.
function fullSnapshotText(model: DataLayerModel): string {
  return JSON.stringify(
    Object.fromEntries(Object.keys(model).map((key) => [key, serialiseValue(model[key])])),
  );
}

function prototypeNames(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype].flatMap((prototype) =>
    Object.getOwnPropertyNames(prototype).sort(),
  );
}

function gtagSet(): unknown {
  return { $arguments: ['set', { k4: { viaSet: true } }] };
}

describe('replay fuzzing', () => {
  it('never throws, never pollutes prototypes, and keeps every step JSON-safe', () => {
    const cleanPrototypes = prototypeNames();
    const fromJson = jsonPush.map((text) => () => JSON.parse(text) as unknown);
    const pushes = fc.array(
      fc.oneof({ weight: 4, arbitrary: fromJson }, { weight: 1, arbitrary: inPagePush }),
      {
        maxLength: 12,
      },
    );

    fc.assert(
      fc.property(pushes, (builders) => {
        const replay = createDataLayerReplay();
        const expected: string[] = [];
        const steps = builders.flatMap((build) => {
          const produced = replay.push(build());
          expected.push(fullSnapshotText(replay.model));
          return produced;
        });

        expect(steps.map((step) => JSON.stringify(step.model))).toEqual(expected);
        expect(steps.map((step) => step.index)).toEqual(steps.map((_step, index) => index));
        for (const step of steps) {
          const text = JSON.stringify(step);
          expect(JSON.stringify(JSON.parse(text))).toBe(text);
          expect(JSON.parse(JSON.stringify(step.model))).toEqual(
            JSON.parse(JSON.stringify(step.model)),
          );
        }
        expect(Object.getPrototypeOf(replay.model)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(prototypeNames()).toEqual(cleanPrototypes);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back every step exactly as a full snapshot taken at the time, across checkpoints', () => {
    const key = fc.constantFrom(
      ...Array.from({ length: 40 }, (_unused, index) => `k${index}`),
      'gtm.start',
      '_clear',
    );
    const value = fc.oneof(
      fc.integer(),
      fc.constant(null),
      fc.constant({ $undefined: true }),
      fc.constant({ nested: [1, { deep: true }] }),
    );
    const objectPush = fc.dictionary(key, value, { maxKeys: 4 }).map((message) => () => message);
    const otherPush = fc.constantFrom(
      () => ['k1.push', 9],
      () =>
        function (this: DataLayerModelInterface) {
          this.set('k2', { _clear: true, copy: this.get('k3') });
        },
      () =>
        function (this: DataLayerModelInterface) {
          this.reset();
        },
      () => gtagSet(),
    );
    const pushes = fc.array(
      fc.oneof({ weight: 9, arbitrary: objectPush }, { weight: 1, arbitrary: otherPush }),
      { minLength: 50, maxLength: 400 },
    );

    fc.assert(
      fc.property(pushes, (builders) => {
        const replay = createDataLayerReplay();
        const expected = builders.map((build) => {
          replay.push(build());
          return fullSnapshotText(replay.model);
        });
        expect(replay.steps.map((step) => JSON.stringify(step.model))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('serialising a revived value is stable: a second round trip changes nothing', () => {
    fc.assert(
      fc.property(jsonPush, (text) => {
        const once = JSON.stringify(serialiseValue(reviveTransportValue(JSON.parse(text)).value));
        const twice = JSON.stringify(serialiseValue(reviveTransportValue(JSON.parse(once)).value));
        expect(twice).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
