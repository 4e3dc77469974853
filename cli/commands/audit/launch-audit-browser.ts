import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumPath } from '../demo/launch-demo-browser.js';
import { UsageError } from '../../usage-error.js';
import { waitForExtensionWorker } from '../demo/evaluate-in-extension-worker.js';

// Every other host goes to a dead proxy and fails name resolution.
const LOOPBACK_ONLY = [
  '--proxy-server=http://127.0.0.1:9',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

export interface AuditBrowser {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

/** Stops the run before anything starts when there is no Chromium to drive. */
export function requireChromium(): void {
  if (existsSync(chromiumPath)) return;
  throw new UsageError(
    `no Chromium at ${chromiumPath}: the audit drives a real browser with the tagwarden extension`,
    "install Debian's build (apt-get install chromium) or set CHROME_PATH to a Chromium binary",
  );
}

/**
 * Headless Chromium with the built extension installed. When every start URL is on the
 * loopback interface the browser reaches loopback only, so a local audit can never send
 * traffic off the machine (a page's third-party tags fail instead of calling home).
 */
export async function launchAuditBrowser(
  extensionDir: string,
  isLoopbackOnly: boolean,
): Promise<AuditBrowser> {
  requireChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'tagwarden-audit-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
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
      ...(isLoopbackOnly ? LOOPBACK_ONLY : []),
    ],
  });
  const extensionId = await browser.installExtension(extensionDir).catch(async (error) => {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  });
  // Pages loaded before the background has registered its listeners send hits it never hears of.
  await waitForExtensionWorker(browser, extensionId).catch(async (error: unknown) => {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    browser,
    extensionId,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Whether a URL names this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
