/** A repeatable source of pseudo-random choices: the same seed gives the same sequence. */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One entry of a non-empty list. */
  pick<Value>(list: readonly Value[]): Value;
}

/**
 * A seeded generator (mulberry32: 32 bits of state, fast, and good enough to vary synthetic
 * data; not for anything that needs unpredictability).
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (list) => {
      if (list.length === 0) throw new Error('pick needs a non-empty list');
      return list[Math.floor(next() * list.length)] as (typeof list)[number];
    },
  };
}
