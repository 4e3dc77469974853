import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';

export interface LaunchOptions {
  /** An unpacked extension to install; the browser is then driven over a pipe, as that needs. */
  extensionDir?: string;
}

/**
 * Debian's Chromium, headless, reaching loopback only: every other host goes to a dead proxy
 * and fails name resolution, so a test can never send traffic off the machine. With
 * `extensionDir`, the extension is installed and its id returned.
 */
export async function launchChromium(
  options: LaunchOptions = {},
): Promise<{ browser: Browser; extensionId?: string; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'tagwarden-chromium-'));
  const withExtension = options.extensionDir !== undefined;
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir,
    ...(withExtension ? { pipe: true, enableExtensions: true } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--proxy-server=http://127.0.0.1:9',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  const extensionId = withExtension
    ? await browser.installExtension(options.extensionDir as string)
    : undefined;
  return {
    browser,
    ...(extensionId === undefined ? {} : { extensionId }),
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
