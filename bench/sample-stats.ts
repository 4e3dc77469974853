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
