import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterParsing } from '../../extension/src/relay/after-parsing.js';

/** A window stand-in whose document is a real event target with a ready state. */
function pageWindow(readyState: DocumentReadyState) {
  const document = Object.assign(new EventTarget(), { readyState });
  return { scope: { document } as unknown as Window, document };
}

describe('work the relay leaves until the page is parsed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs in a task of its own after DOMContentLoaded, not inside the event', () => {
    const page = pageWindow('loading');
    const work = vi.fn();
    afterParsing(page.scope, work);
    page.document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs 250 ms in when the page is still being parsed, and once only', () => {
    const page = pageWindow('loading');
    const work = vi.fn();
    afterParsing(page.scope, work);
    vi.advanceTimersByTime(249);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    page.document.dispatchEvent(new Event('DOMContentLoaded'));
    vi.advanceTimersByTime(1_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs at once in a document that is parsed already', () => {
    const work = vi.fn();
    afterParsing(pageWindow('interactive').scope, work);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
