import { LOADING_WAIT_MS } from '../common/loading-wait.js';

/**
 * Runs `work` once, in a task of its own just after DOMContentLoaded, or `LOADING_WAIT_MS`
 * into a long parse, or now when the document is parsed already. Used for what the relay need
 * not do at `document_start`: the page's records are held until then anyway
 * (`createFlushSchedule`), so work moved here costs the page's DOMContentLoaded nothing.
 */
export function afterParsing(scope: Window, work: () => void): void {
  if (scope.document.readyState !== 'loading') {
    work();
    return;
  }
  let isDone = false;
  const runOnce = (): void => {
    if (isDone) return;
    isDone = true;
    clearTimeout(timer);
    work();
  };
  const timer = setTimeout(runOnce, LOADING_WAIT_MS);
  scope.document.addEventListener('DOMContentLoaded', () => setTimeout(runOnce, 0), {
    once: true,
  });
}
