import { afterEach, describe, expect, it } from 'vitest';
import { liveRenderDelay, noteAnalysisTime } from '../../extension/src/panel/app/analysis-pace.js';

describe('the pace of a live session’s re-renders', () => {
  afterEach(() => noteAnalysisTime(0));

  it.each([
    ['nothing judged yet', 0, 250],
    ['a small session judged in 5 ms', 5, 250],
    ['a session judged in 200 ms', 200, 800],
    ['a 50k-record session judged in 5 s', 5_000, 10_000],
    ['a reading that is not a number', Number.NaN, 250],
    ['a negative reading', -20, 250],
  ])('waits in proportion to judging: %s', (_name, analysisMs, expected) => {
    noteAnalysisTime(analysisMs);
    expect(liveRenderDelay(250)).toBe(expected);
  });
});
