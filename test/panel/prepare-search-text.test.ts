import { describe, expect, it } from 'vitest';
import { analyseSession } from '../../extension/src/panel/model/analyse-session.js';
import { EMPTY_FILTER, filterRows } from '../../extension/src/panel/model/filter-rows.js';
import { prepareSearchText } from '../../extension/src/panel/model/prepare-search-text.js';
import { shopPlan, shopSession } from './panel-fixtures.js';

const rowsOfShop = () => analyseSession(shopSession(), shopPlan()).rows;

/** A clock that moves one millisecond each time it is read. */
function tickingClock(): () => number {
  let time = 0;
  return () => time++;
}

describe('preparing search text ahead of the first search', () => {
  it('stops at the slice budget and says where to go on, until every row is done', () => {
    const rows = rowsOfShop();
    const clock = tickingClock();
    const stops: number[] = [];
    let next = 0;
    while (next < rows.length) {
      next = prepareSearchText(rows, next, 3, clock);
      stops.push(next);
    }
    expect(rows.length).toBeGreaterThan(6);
    expect(stops.slice(0, 2)).toEqual([3, 6]);
    expect(stops.at(-1)).toBe(rows.length);
  });

  it('does every row in one slice when the budget allows', () => {
    const rows = rowsOfShop();
    expect(prepareSearchText(rows, 0, 1_000_000)).toBe(rows.length);
  });

  it.each([
    ['past the end', 99],
    ['before the start', -5],
  ] as const)('ends at the last row when asked to start %s', (_, from) => {
    const rows = rowsOfShop();
    expect(prepareSearchText(rows, from, 1_000_000)).toBe(rows.length);
  });

  it.each(['JANE.DOE@', 'pattern_mismatch', 'purchase', 'G-DEMO000009', 'no such text'])(
    'finds the same rows for "%s" with the text prepared as without',
    (text) => {
      const prepared = rowsOfShop();
      prepareSearchText(prepared, 0, 1_000_000);
      const filter = { ...EMPTY_FILTER, text };
      expect(filterRows(prepared, filter).map((row) => row.id)).toEqual(
        filterRows(rowsOfShop(), filter).map((row) => row.id),
      );
    },
  );
});
