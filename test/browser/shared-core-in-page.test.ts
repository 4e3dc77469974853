import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../shared/capture/read-capture.js';
import { checkCaptures } from '../../shared/check/check-captures.js';
import type { CheckReport } from '../../shared/check/check-report.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import { chromiumPath, launchChromium } from './launch-chromium.js';
import { serveStatic, type StaticServer } from './serve-static.js';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const captureFiles = [
  'content-sites.har',
  'datalayer-session.ndjson',
  'pasted-urls.txt',
  'shop-journey.har',
];
const hasBuild = existsSync(`${root}/dist/shared/check/check-captures.js`);

function reportInNode(): CheckReport {
  const loaded = loadPlan(
    readFileSync(`${root}/shared/plans/ga4-recommended.yaml`, 'utf8'),
    'ga4-recommended',
  );
  if (!loaded.ok) throw new Error(loaded.errors[0]?.message);
  const records = captureFiles.flatMap(
    (name) =>
      readCapture(readFileSync(`${root}/test/fixtures/captures/${name}`, 'utf8'), name).records,
  );
  return checkCaptures(records, loaded.plan, { inputs: captureFiles, inputErrors: [] });
}

// The core must run unchanged in a web page and in MV3 extension pages, whose content security
// policy forbids eval and new Function. This runs the built core in Debian's Chromium under
// such a policy and expects the very report Node produces.
describe.runIf(existsSync(chromiumPath) && hasBuild)('the shared core inside a page', () => {
  let server: StaticServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    server = await serveStatic(root, 'tagwarden-test');
    chromium = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('checks the bundled captures to the same report as Node, with no CSP violation', async () => {
    const page = await chromium.browser.newPage();
    const policyViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|unsafe-eval/i.test(message.text()))
        policyViolations.push(message.text());
    });

    await page.goto(`${server.origin}/test/browser/page/index.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'running', {
      timeout: 20_000,
    });
    const error = await page.evaluate(
      () => (window as unknown as { tagwardenError?: string }).tagwardenError,
    );
    const reportText = await page.evaluate(
      () => (window as unknown as { tagwardenReport?: string }).tagwardenReport,
    );

    expect(error).toBeUndefined();
    expect(policyViolations).toEqual([]);
    const inPage = JSON.parse(reportText ?? 'null') as CheckReport;
    expect(inPage.summary.events).toBeGreaterThan(30);
    expect(inPage).toEqual(JSON.parse(JSON.stringify(reportInNode())));
  });

  it('really enforces the policy: code generation in that page is refused', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${server.origin}/test/browser/page/index.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'running');
    const outcome = await page.evaluate(
      () => (window as unknown as { tagwardenEvalProbe?: string }).tagwardenEvalProbe,
    );
    expect(outcome).toBe('EvalError');
  });
});

// Without Chromium the in-page suite cannot run. CI installs it (.ci/run) and must not skip;
// elsewhere the skip says what to install.
if (!existsSync(chromiumPath)) {
  describe('the shared core inside a page, without Chromium', () => {
    const reason = `needs Debian chromium at ${chromiumPath} (apt-get install chromium, or set CHROME_PATH)`;
    if (process.env.CI === 'true')
      it(reason, () => expect.fail(`${reason}: .ci/run should have installed it`));
    else it.skip(reason, () => undefined);
  });
}
