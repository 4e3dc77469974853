import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's CPU priority (to nice 5), so that on a busy machine the thread
 * answering requests is served first, while the loading threads still get a share of the CPU
 * when other programs want it too. Only on Linux, where the nice value belongs to each thread
 * (setpriority(2), NOTES) and the call changes this thread alone; elsewhere it would slow the
 * whole process, so nothing is done. Returns whether the priority was lowered.
 */
export function lowerThreadPriority(): boolean {
  if (process.platform !== 'linux') {
    return false;
  }
  try {
    setPriority(LOADER_PRIORITY);
    return true;
  } catch {
    return false;
  }
}

// Interleaved runs of the bench on 2 cores, both loader threads at each priority. On a quiet
// machine, at nice 5 the collector answered 59,700-67,600 events/s (p99 14-15 ms), at 10
// 66,300-67,000 (p99 14-15 ms), at the requests' own 51,600-53,400 (p99 18 ms), and the rows
// reached DuckDB at 23,800-24,400 events/s in all. Beside two programs that keep both cores
// busy, it answered 34,400 events/s and loaded 12,200 at nice 0, 42,500 and 6,800 at 5, 44,800
// and 2,700 at 10: the lower the priority, the more loading starves on a machine busy with
// other work, so the spool would fill.
const LOADER_PRIORITY = 5;
