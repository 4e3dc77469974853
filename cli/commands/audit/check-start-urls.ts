import { UsageError } from '../../usage-error.js';

/**
 * Asks each start URL once before a browser starts, so an address that is wrong or a server
 * that is down stops the run with the URL named (exit 2) instead of an empty, "clean" audit.
 */
export async function checkStartUrls(urls: string[], timeoutMs: number): Promise<void> {
  for (const url of urls) {
    const status = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).then(
      async (response) => {
        await response.body?.cancel();
        return response.status;
      },
      (error: unknown) => reasonOf(error),
    );
    if (typeof status === 'number' && status < 400) continue;
    const why = typeof status === 'number' ? `it answered HTTP ${status}` : status;
    throw new UsageError(
      `start URL ${url} is unreachable: ${why}`,
      'Check the address and that the site is up (and reachable from this machine), then run again.',
    );
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
