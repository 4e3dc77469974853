import { describe, expect, it } from 'vitest';
import { medianInterval, quartiles } from '../../bench/sample-stats.js';

// The extension bench reports paired load differences with these.
describe('the statistics of paired load differences', () => {
  it.each([
    [[], NaN, NaN, NaN],
    [[4], 4, 4, 4],
    [[5, 1, 3, 2, 4], 2, 3, 4],
    [[-12, 30, 2, 7, -1, 9, 15, 3], -1, 3, 9],
  ])('gives the quartiles of %j by nearest rank', (samples, q1, median, q3) => {
    expect(quartiles(samples)).toEqual({ q1, median, q3 });
  });

  it('widens the median’s interval for few samples and narrows it for many', () => {
    const few = Array.from({ length: 9 }, (_, index) => index);
    const many = Array.from({ length: 400 }, (_, index) => index % 100);
    expect(medianInterval(few)).toEqual({ low: 1, high: 7 });
    const { low, high } = medianInterval(many);
    expect(low).toBeLessThanOrEqual(50);
    expect(high).toBeGreaterThanOrEqual(49);
    expect(high - low).toBeLessThan(15);
  });

  it('gives NaN for no samples and the sample itself for one', () => {
    expect(medianInterval([])).toEqual({ low: NaN, high: NaN });
    expect(medianInterval([7])).toEqual({ low: 7, high: 7 });
  });
});
