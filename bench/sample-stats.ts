/** The median and 95th percentile of some timings, with how many there were. */
export interface SampleSummary {
  median: number;
  p95: number;
  count: number;
}

/** The value below which `share` of the samples fall (nearest rank); NaN for no samples. */
export function quantile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

/** The first quartile, median and third quartile (nearest rank); NaN for no samples. */
export function quartiles(samples: readonly number[]): { q1: number; median: number; q3: number } {
  return {
    q1: quantile(samples, 0.25),
    median: quantile(samples, 0.5),
    q3: quantile(samples, 0.75),
  };
}

/**
 * A 95% confidence interval for the median, from order statistics (no assumption about the
 * distribution): the ranks n/2 ∓ 0.98·√n of the sorted samples. NaN for no samples.
 */
export function medianInterval(samples: readonly number[]): { low: number; high: number } {
  const sorted = [...samples].sort((left, right) => left - right);
  const below = Math.max(0, Math.floor(sorted.length / 2 - 0.98 * Math.sqrt(sorted.length)));
  const above = Math.max(0, sorted.length - 1 - below);
  return { low: sorted[below] ?? NaN, high: sorted[above] ?? NaN };
}

export function summarise(samples: readonly number[]): SampleSummary {
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), count: samples.length };
}

/** Milliseconds `task` takes, once per run, after `warmUps` untimed runs. */
export function timeRuns(task: () => unknown, runs: number, warmUps = 1): number[] {
  for (let run = 0; run < warmUps; run++) task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    task();
    samples.push(performance.now() - began);
  }
  return samples;
}
