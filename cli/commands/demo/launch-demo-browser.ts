import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { UsageError } from '../../usage-error.js';
import { waitForExtensionWorker } from './evaluate-in-extension-worker.js';

/** Debian's Chromium unless `CHROME_PATH` names another build. */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';

export interface DemoBrowser {
  browser: Browser;
  extensionId: string;
  isHeadful: boolean;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension installed, reaching loopback only: every other host goes
 * to a dead proxy and fails name resolution, so the demo never sends traffic off the machine.
 * Headless unless `wantsHeadful` and a display is there to show the window on.
 */
export async function launchDemoBrowser(
  extensionDir: string,
  wantsHeadful: boolean,
): Promise<DemoBrowser> {
  if (!existsSync(chromiumPath)) {
    throw new UsageError(
      `no Chromium at ${chromiumPath}: the demo drives a real browser with the extension`,
      "install Debian's build (apt-get install -y chromium) or set CHROME_PATH to a Chromium binary",
    );
  }
  const isHeadful = wantsHeadful && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const userDataDir = mkdtempSync(join(tmpdir(), 'tagwarden-demo-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: !isHeadful,
    userDataDir,
    pipe: true,
    enableExtensions: true,
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
  const extensionId = await browser.installExtension(extensionDir);
  await waitForExtensionWorker(browser, extensionId);
  return {
    browser,
    extensionId,
    isHeadful,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
