import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../cli/commands/audit/audit-result.js';
import { startDemoShop, type DemoShop } from '../demo-shop/server/start-demo-shop.js';
import { chromiumPath } from '../browser/launch-chromium.js';
import { makeScratchDirectory, parseStdout, runCli, type CliRun } from '../cli/run-cli.js';
import { readXmlElements } from '../cli/read-xml-elements.js';
import { runCliAsync } from './run-cli-async.js';
import { serveLinkPage, type LinkPageServer } from './serve-link-page.js';

// The shop's deliberate bugs, as test/main-job/demo-command.test.ts pins them for the
// extension's session of the same journey: the audit must judge that session the same way.
const DELIBERATE_BUGS = [
  ['datalayer', 'add_to_cart', 'type_mismatch', '/items/0/price'], // bug 2
  ['datalayer', 'add_shipping_info', 'pii_suspected', '/customer_email'], // bug 3
  ['datalayer', 'add_payment_info', 'missing_required', '/items'], // bug 1
  ['datalayer', 'purchase', 'duplicate_event', ''], // bug 4
  ['ga4', 'add_shipping_info', 'pii_suspected', '/customer_email'],
  ['ga4', 'add_payment_info', 'missing_required', '/items'],
  ['ga4', 'purchase', 'duplicate_event', ''],
];
const REPORT_FILES = [
  'tagwarden-audit.txt',
  'tagwarden-audit.json',
  'tagwarden-audit.junit.xml',
  'tagwarden-audit.md',
  'tagwarden-audit.html',
];
// A plan every shop page breaks: page_view must carry a parameter the shop never sends.
const STRICT_PLAN = 'name: strict-pages\nevents:\n  page_view:\n    required: [page_category]\n';

describe.runIf(existsSync(chromiumPath))('tagwarden audit in Chromium with the extension', () => {
  const scratch = makeScratchDirectory();
  const reports = join(scratch.path, 'reports');
  const report = (name: string) => readFileSync(join(reports, name), 'utf8');
  let shop: DemoShop;
  let linkSite: LinkPageServer;
  let outside: LinkPageServer;
  let crawl: CliRun;
  let crawled: AuditResult;
  let journey: CliRun;
  let walked: AuditResult;

  beforeAll(async () => {
    shop = await startDemoShop();
    outside = await serveLinkPage(() => '<title>elsewhere</title><p>off the audited origins</p>');
    linkSite = await serveLinkPage(
      (origin) => `<title>links</title>
        <a href="/second#part">same origin, with a fragment</a> <a href="#top">fragment only</a>
        <a href="mailto:shop@example.com">mail</a> <a href="javascript:void 0">script</a>
        <a href="${outside.url}/outside">another origin</a> <a href="${origin}/">itself</a>`,
    );
    const plan = scratch.write('strict-pages.yaml', STRICT_PLAN);
    const crawlArgs = ['audit', `${shop.url}/`, `${linkSite.url}/`, '--plan', plan];
    // One after the other: two browsers at once strain a small CI machine, and a stale
    // extension would be rebuilt by both runs into the same folder.
    crawl = await runCliAsync([
      ...crawlArgs,
      ...['--depth', '1', '--max-pages', '6', '--format', 'json', '--fail-on', 'never'],
    ]);
    journey = await runCliAsync([
      ...['audit', `${shop.url}/`, '--journey', 'test/demo-shop/journey.yaml'],
      ...['--plan', 'ga4-recommended', '--format', 'json', '--reports', reports],
    ]);
    crawled = parseStdout<AuditResult>(crawl);
    walked = parseStdout<AuditResult>(journey);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([shop?.close(), linkSite?.close(), outside?.close()]);
    scratch.remove();
  });

  it('crawls breadth-first within the page limit, on the start origins only, fragments folded', () => {
    const urls = crawled.pages.map((page) => page.url);
    expect(crawled.mode).toBe('crawl');
    expect(urls).toHaveLength(6);
    expect(new Set(urls).size).toBe(6);
    expect(urls).toContain(`${shop.url}/`);
    expect(urls).toContain(`${linkSite.url}/`);
    expect(
      urls.every((url) => url.startsWith(`${shop.url}/`) || url.startsWith(`${linkSite.url}/`)),
    ).toBe(true);
    expect(urls.some((url) => url.includes('#'))).toBe(false);
    expect(outside.requests).toEqual([]);
    expect(crawled.failures).toEqual([]);
  });

  it('counts each crawled page’s pushes, hits and events from the extension’s capture', () => {
    const home = crawled.pages.find((page) => page.url === `${shop.url}/`);
    expect(home).toMatchObject({ reachedBy: 'crawl', invalidEvents: 2 });
    expect(home?.pushes).toBeGreaterThan(0);
    expect(home?.hits).toBeGreaterThan(0);
    const links = crawled.pages.find((page) => page.url === `${linkSite.url}/`);
    expect(links).toMatchObject({ pushes: 0, hits: 0, events: 0 });
  });

  it('exits 0 with --fail-on never although the plan fails every page view', () => {
    expect(crawl.status).toBe(0);
    const failing = crawled.check.events.filter((event) => event.status === 'invalid');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((event) => event.name === 'page_view')).toBe(true);
    expect(failing[0]?.violations[0]).toMatchObject({
      code: 'missing_required',
      path: '/page_category',
    });
  });

  it('walks the journey and finds exactly the shop’s deliberate bugs, exiting 1', () => {
    expect(journey.status).toBe(1);
    expect(walked).toMatchObject({
      mode: 'journey',
      journeys: ['purchase with consent'],
      notices: [],
    });
    const found = walked.check.events.flatMap((event) =>
      event.violations.map((violation) => [
        event.layer,
        event.name,
        violation.code,
        violation.path,
      ]),
    );
    expect(found).toEqual(DELIBERATE_BUGS);
    expect(walked.check.summary).toMatchObject({ events: 32, valid: 25, invalid: 7 });
  });

  it('lists the journey’s pages with their invalid events, and the planned events never seen', () => {
    const paths = walked.pages.map((page) => new URL(page.url).pathname);
    expect(paths[0]).toBe('/');
    expect(paths).toContain('/cart');
    expect(paths).toContain('/checkout');
    expect(walked.pages.every((page) => page.reachedBy === 'purchase with consent')).toBe(true);
    const invalid = walked.pages.reduce((sum, page) => sum + page.invalidEvents, 0);
    expect(invalid).toBe(7);
    expect(walked.check.missing.map((event) => event.name)).toContain('refund');
  });

  it('writes every format and an HTML page with the findings, escaped and self-contained', () => {
    for (const name of REPORT_FILES) expect(existsSync(join(reports, name))).toBe(true);
    expect(JSON.parse(report('tagwarden-audit.json'))).toEqual(walked);
    expect(report('tagwarden-audit.txt')).toMatch(/✗ invalid\s+datalayer add_payment_info/);
    expect(report('tagwarden-audit.md')).toContain(
      '| page | reached by | pushes | hits | events | invalid |',
    );
    expect(report('tagwarden-audit.md')).toContain('`missing_required`');
    const elements = readXmlElements(report('tagwarden-audit.junit.xml'));
    const failures = elements.filter((element) => element.name === 'failure');
    expect(failures).toHaveLength(DELIBERATE_BUGS.length);
    const html = report('tagwarden-audit.html');
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toContain('<td>add_payment_info</td>');
    expect(html).toContain('&quot;items&quot; is required in add_payment_info');
    for (const section of [
      'summary',
      'coverage-matrix',
      'violation-groups',
      'consent-findings',
      'lineage-gaps',
    ])
      expect(html).toContain(`<section data-testid="${section}">`);
  });
});

describe('tagwarden audit, refusing what it cannot run', () => {
  it.each([
    [
      'an unreachable start URL',
      ['http://127.0.0.1:9/shop', '--plan', 'ga4-recommended'],
      /start URL http:\/\/127\.0\.0\.1:9\/shop is unreachable/,
    ],
    [
      'a start URL that is no web address',
      ['ftp://127.0.0.1/', '--plan', 'ga4-recommended'],
      /start URL ftp:\/\/127\.0\.0\.1\/ is not an http\(s\) URL/,
    ],
    [
      'a missing plan',
      ['http://127.0.0.1:9/', '--plan', 'no-such-plan.yaml'],
      /plan no-such-plan\.yaml: no such file/,
    ],
    [
      'a missing journey',
      ['http://127.0.0.1:9/', '--plan', 'ga4-recommended', '--journey', 'no-such-journey.yaml'],
      /journey no-such-journey\.yaml cannot be read \(ENOENT\)/,
    ],
    [
      'a page limit of zero',
      ['http://127.0.0.1:9/', '--plan', 'ga4-recommended', '--max-pages', '0'],
      /--max-pages.*at least 1/,
    ],
    [
      'contradicting origin flags',
      ['http://127.0.0.1:9/', '--plan', 'ga4-recommended', '--same-origin', '--any-origin'],
      /contradict/,
    ],
  ])('exits 2 on %s, naming it', (_name, args, message) => {
    const run = runCli(['audit', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

describe('tagwarden audit without a browser to drive', () => {
  it('exits 2 naming CHROME_PATH and the package to install', async () => {
    const run = await runCliAsync(['audit', 'http://127.0.0.1:9/', '--plan', 'ga4-recommended'], {
      CHROME_PATH: '/nonexistent/chromium',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no Chromium at /nonexistent/chromium');
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).toContain('CHROME_PATH');
  });
});

if (!existsSync(chromiumPath)) {
  describe('tagwarden audit, without Chromium', () => {
    const reason = `needs Debian chromium at ${chromiumPath} (apt-get install chromium, or set CHROME_PATH)`;
    if (process.env.CI === 'true')
      it(reason, () => expect.fail(`${reason}: .ci/run should have installed it`));
    else it.skip(reason, () => undefined);
  });
}
