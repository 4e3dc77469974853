import { describe, expect, it } from 'vitest';
import { mergeIntoModel } from '../../shared/datalayer/merge-into-model.js';
import { mergeRecursive, type MergeContainer } from '../../shared/datalayer/merge-recursive.js';

function merged(from: MergeContainer, to: MergeContainer): MergeContainer {
  mergeRecursive(from, to, '', { warnings: [], sharesContainers: false });
  return to;
}

describe('_clear (data-layer-helper PR #48)', () => {
  const cases: Array<[string, MergeContainer, MergeContainer, MergeContainer]> = [
    [
      'a nested truthy _clear replaces the children instead of merging them',
      { a: { b: { x: 1 }, _clear: true } },
      { a: { b: { y: 2 }, c: 3 } },
      { a: { b: { x: 1 }, c: 3 } },
    ],
    [
      'siblings missing from the cleared object remain',
      { a: { _clear: true } },
      { a: { c: 3 } },
      { a: { c: 3 } },
    ],
    [
      'a falsy _clear merges as usual and is removed',
      { a: { b: { x: 1 }, _clear: false } },
      { a: { b: { y: 2 } } },
      { a: { b: { y: 2, x: 1 } } },
    ],
    [
      '_clear two levels down clears only there',
      { a: { b: { c: { x: 1 }, _clear: 1 } } },
      { a: { b: { c: { y: 2 } }, d: 1 } },
      { a: { b: { c: { x: 1 } }, d: 1 } },
    ],
    [
      'arrays under _clear are replaced, not merged',
      { a: { items: [{ id: 'new' }], _clear: true } },
      { a: { items: [{ id: 'old', price: 1 }, { id: 'old2' }] } },
      { a: { items: [{ id: 'new' }] } },
    ],
  ];

  it.each(cases.map(([name, from, to, expected]) => ({ name, from, to, expected })))(
    '$name',
    ({ from, to, expected }) => {
      expect(merged(from, to)).toStrictEqual(expected);
    },
  );

  it('is a no-op at the top level of a push, because each key merges on its own', () => {
    const model = { a: { x: 1 } };
    const report = mergeIntoModel(model, { _clear: true, a: { y: 2 } });
    expect(model).toEqual({ a: { x: 1, y: 2 } });
    expect(report.warnings.map((warning) => warning.code)).toEqual(['clear_flag_top_level']);
  });

  it('notes that GTM support for a nested _clear is unverified', () => {
    const report = mergeIntoModel({}, { ecommerce: { items: [], _clear: true } });
    expect(report.warnings).toMatchObject([
      { code: 'clear_flag_unverified', key: 'ecommerce', severity: 'info' },
    ]);
  });

  it('says when a pushed container now lives in the model by reference', () => {
    expect(mergeIntoModel({}, { a: { b: { c: 1 }, _clear: true } }).sharesContainers).toBe(true);
    expect(mergeIntoModel({}, { a: { b: { c: 1 } } }).sharesContainers).toBe(false);
  });
});
