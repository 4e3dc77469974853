/** How long the panel last took to judge its session (ms). */
let lastAnalysisMs = 0;

/** The longest a live update waits to be shown (ms), however slow judging has been. */
const LONGEST_WAIT_MS = 10_000;

/** Notes how long judging the session took, for `liveRenderDelay`. */
export function noteAnalysisTime(ms: number): void {
  lastAnalysisMs = Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/**
 * The wait before a live session's changes are shown: at least `floorMs`, and four times the
 * last judging, so re-judging a large session (seconds at 50k records) takes at most a fifth
 * of the panel's main thread and the list stays scrollable between updates.
 */
export function liveRenderDelay(floorMs: number): number {
  return Math.max(floorMs, Math.min(lastAnalysisMs * 4, LONGEST_WAIT_MS));
}
