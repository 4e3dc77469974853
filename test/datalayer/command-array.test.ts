import { describe, expect, it } from 'vitest';
import { createDataLayerReplay } from '../../shared/datalayer/create-data-layer-replay.js';
import { getModelValue } from '../../shared/datalayer/get-model-value.js';
import { brokenGtag } from './real-captures.js';

function afterCommand(startingModel: Record<string, unknown>, command: unknown[]) {
  const replay = createDataLayerReplay();
  replay.push(startingModel);
  const [step] = replay.push(command);
  return { model: replay.model, step: step! };
}

const descending = (first: number, second: number) => second - first;

// Ported from data-layer-helper test/processCommand_test.js: [command, starting model, result].
const commandCases: Array<[unknown[], Record<string, unknown>, Record<string, unknown>]> = [
  [['a.push', 1], { a: [0] }, { a: [0, 1] }],
  [['a.push', [1]], { a: [0] }, { a: [0, [1]] }],
  [['a.push', { b: [1] }], { a: [0] }, { a: [0, { b: [1] }] }],
  [['a.push', 'cat'], { a: [0] }, { a: [0, 'cat'] }],
  [['a.push', 1, 2, 3, 4], { a: [0] }, { a: [0, 1, 2, 3, 4] }],
  [['a.push', 1], { a: [0], b: [1] }, { a: [0, 1], b: [1] }],
  [['a.splice', 2, 1], { a: [1, 2, 3, 4, 5] }, { a: [1, 2, 4, 5] }],
  [['a.splice', 1, Number.MAX_VALUE], { a: [1, 2, 3, 4, 5] }, { a: [1] }],
  [['a.splice', 2, 1, 'cat'], { a: [1, 2, 3, 4, 5] }, { a: [1, 2, 'cat', 4, 5] }],
  [
    ['a.splice', 2, 1, 'cat', 'in', 'the', 'hat'],
    { a: [1, 2, 3, 4, 5] },
    { a: [1, 2, 'cat', 'in', 'the', 'hat', 4, 5] },
  ],
  [['a.pop'], { a: [0] }, { a: [] }],
  [['a.sort'], { a: [5, 4, 3, 2, 1] }, { a: [1, 2, 3, 4, 5] }],
  [['a.sort', descending], { a: [1, 2, 3, 4, 5] }, { a: [5, 4, 3, 2, 1] }],
  [['a.reverse'], { a: [5, 4, 3, 2, 1] }, { a: [1, 2, 3, 4, 5] }],
  [['a.shift'], { a: [1, 2, 3] }, { a: [2, 3] }],
  [['a.unshift', 0], { a: [1, 2, 3] }, { a: [0, 1, 2, 3] }],
  [['a.unshift', -3, -2, -1, 0], { a: [1, 2, 3] }, { a: [-3, -2, -1, 0, 1, 2, 3] }],
  [['a.b.push', 1, 2], { a: { b: [0] } }, { a: { b: [0, 1, 2] } }],
  [
    ['a.b.c.push', ['one', 'two']],
    { a: { b: { c: [0] } } },
    { a: { b: { c: [0, ['one', 'two']] } } },
  ],
  [['a.c.push', 1], { a: { c: [0] }, b: [1] }, { a: { c: [0, 1] }, b: [1] }],
  [['a.b.splice', 2, 1, 'cat'], { a: { b: [1, 2, 3, 4, 5] } }, { a: { b: [1, 2, 'cat', 4, 5] } }],
  [['a.b.pop'], { a: { b: [0] } }, { a: { b: [] } }],
  [['a.b.sort', descending], { a: { b: [1, 2, 3, 4, 5] } }, { a: { b: [5, 4, 3, 2, 1] } }],
  [['a.b.shift'], { a: { b: [1, 2, 3] } }, { a: { b: [2, 3] } }],
  [['a.b.unshift', -3, -2, -1, 0], { a: { b: [1, 2, 3] } }, { a: { b: [-3, -2, -1, 0, 1, 2, 3] } }],
  // README and D20: `['abc.push', 4, 5, 6]` and `['aaa.bbb.push', 4]`.
  [['abc.push', 4, 5, 6], { abc: [1, 2, 3] }, { abc: [1, 2, 3, 4, 5, 6] }],
  [['aaa.bbb.push', 4], { aaa: { bbb: [1, 2, 3] } }, { aaa: { bbb: [1, 2, 3, 4] } }],
];

describe('command arrays (data-layer-helper processCommand_test, ported)', () => {
  it.each(commandCases)('runs %j on the model', (command, startingModel, expected) => {
    const { model, step } = afterCommand(startingModel, command);
    expect(model).toEqual(expected);
    expect(step.kind).toBe('command');
    expect(step.event).toBeNull();
    expect(step.warnings).toEqual([]);
    expect(step.model).toEqual(expected);
  });

  it('calls Date methods on a Date stored in the model', () => {
    const date = new Date('2013-12-20T15:23:22Z');
    const replay = createDataLayerReplay();
    replay.push({ date }, ['date.setFullYear', 2000], ['date.setMonth', 11]);
    expect(replay.model['date']).toBe(date);
    expect(date.getFullYear()).toBe(2000);
    expect(date.getMonth()).toBe(11);
  });

  it('calls the legacy setYear on a Date that crossed JSON (README "time.setYear")', () => {
    const replay = createDataLayerReplay();
    const [, step] = replay.push({ time: { $date: '2013-12-20T15:23:22.000Z' } }, [
      'time.setYear',
      2014,
    ]);
    expect(step?.model).toEqual({ time: { $date: '2014-12-20T15:23:22.000Z' } });
  });

  it('calls custom methods of class instances', () => {
    class MutableObject {
      constructor(readonly state: Record<string, number>) {}
      updateItem(key: string, value: number) {
        this.state[key] = value;
      }
    }
    const { model } = afterCommand({ object: new MutableObject({ a: 1, b: 2 }) }, [
      'object.updateItem',
      'c',
      3,
    ]);
    expect((model['object'] as MutableObject).state).toEqual({ a: 1, b: 2, c: 3 });
  });

  it.each([
    ['a missing path', ['abc.push', 4, 5, 6], {}, 'command_path_missing'],
    ['a null in the path', ['a.b.push', 1], { a: null }, 'command_path_missing'],
    ['a missing method', ['a.nope', 1], { a: [1] }, 'command_method_missing'],
    ['a value that is not a method', ['a.length'], { a: [1] }, 'command_method_missing'],
    ['a first element that is not text', [1, 2, 3], {}, 'command_invalid'],
    ['an empty array', [], {}, 'command_invalid'],
    ['a throwing method', ['a.sort', { $function: 'comparator' }], { a: [2, 1] }, 'command_threw'],
    ['a path through __proto__', ['__proto__.polluted.push', 1], {}, 'unsafe_key_skipped'],
    [
      'a path through constructor',
      ['a.constructor.prototype.push', 1],
      { a: [] },
      'unsafe_key_skipped',
    ],
    ['an unsafe method name', ['a.constructor', 1], { a: [] }, 'unsafe_key_skipped'],
    ['an inherited property on the path', ['a.toString.call'], { a: {} }, 'command_path_missing'],
  ])('warns about %s and keeps going', (_name, command, startingModel, code) => {
    const replay = createDataLayerReplay();
    replay.push(startingModel);
    const [failed] = replay.push(command);
    const [later] = replay.push({ later: true });

    expect(failed?.warnings.map((warning) => warning.code)).toEqual([code]);
    expect(getModelValue(replay.model, 'later')).toBe(true);
    expect(later?.warnings).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('arrays that look like gtag calls (D19, the broken shim)', () => {
  it.each([
    [brokenGtag('event', 'sign_up', { method: 'Google' })],
    [brokenGtag('config', 'G-DEMO000005')],
    [brokenGtag('js', new Date(0))],
    [brokenGtag('set', { user_id: 'u1' })],
    [brokenGtag('set', 'currency', 'EUR')],
    [brokenGtag('consent', 'update', { ad_storage: 'granted' })],
    [brokenGtag('get', 'G-DEMO000005', 'client_id', () => undefined)],
  ])('flags %j as gtag_array_push and lets it have no gtag effect', (pushed) => {
    const replay = createDataLayerReplay();
    replay.push({ before: 1 });
    const [step] = replay.push(pushed);

    expect(step?.kind).toBe('command');
    expect(step?.event).toBeNull();
    expect(step?.gtag).toBeUndefined();
    expect(step?.eventParams).toBeUndefined();
    expect(step?.model).toEqual({ before: 1 });
    expect(step?.consent.signals).toEqual({});
    expect(step?.warnings).toMatchObject([
      {
        code: 'gtag_array_push',
        message: expect.stringContaining('push `arguments`, not an array'),
      },
    ]);
  });

  it('does not flag an ordinary command array whose method is named like a verb', () => {
    const replay = createDataLayerReplay();
    replay.push({ queue: { list: [] } });
    const [step] = replay.push(['queue.list.push', 'event']);
    expect(step?.warnings).toEqual([]);
  });
});
