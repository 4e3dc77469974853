const BAR_WIDTH = 24;
const PLAIN_EVERY = 5;

export interface Progress {
  /** A page was visited: how many so far, how many are known, and which one. */
  page(visited: number, known: number, url: string): void;
  /** A step outside the crawl (building, launching, a journey). */
  step(text: string): void;
  done(): void;
}

/**
 * Progress on standard error: a bar redrawn in place on a terminal, a plain line every few
 * pages otherwise (CI logs), and nothing at all when `isSilent` (JSON on standard output,
 * read by a program that wants no noise).
 */
export function createProgress(stream: NodeJS.WriteStream, isSilent: boolean): Progress {
  if (isSilent) return { page: () => undefined, step: () => undefined, done: () => undefined };
  const isTerminal = stream.isTTY === true;
  let isDrawn = false;
  return {
    page(visited, known, url) {
      if (isTerminal) {
        const filled = Math.round((visited / Math.max(known, 1)) * BAR_WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
        const width = Math.max((stream.columns ?? 80) - BAR_WIDTH - 20, 10);
        stream.write(`\r\u001b[2K${bar} ${visited}/${known} ${url.slice(0, width)}`);
        isDrawn = true;
        return;
      }
      if (visited === 1 || visited % PLAIN_EVERY === 0 || visited === known)
        stream.write(`tagwarden audit: ${visited}/${known} pages, last ${url}\n`);
    },
    step(text) {
      if (isDrawn) stream.write('\n');
      isDrawn = false;
      stream.write(`tagwarden audit: ${text}\n`);
    },
    done() {
      if (isDrawn) stream.write('\n');
      isDrawn = false;
    },
  };
}
