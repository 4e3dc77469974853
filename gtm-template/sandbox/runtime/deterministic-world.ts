/** A clock that stands still until told to move: the same timestamps on every test run. */
export interface TestClock {
  now(): number;
  advance(milliseconds: number): void;
}

/** 2024-01-01T00:00:00Z: a fixed, recognisable moment for tests. */
export const defaultTestTime = 1_704_067_200_000;

export function createTestClock(start = defaultTestTime): TestClock {
  let current = start;
  return {
    now: () => current,
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}

/** A seeded generator in [0, 1) (mulberry32): the same "random" numbers on every run. */
export function createSeededRandom(seed = 1): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
