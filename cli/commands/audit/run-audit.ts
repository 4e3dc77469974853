import { readFileSync } from 'node:fs';
import { checkCaptures } from '../../../shared/check/check-captures.js';
import type { CheckReport } from '../../../shared/check/check-report.js';
import type { Severity } from '../../../shared/events/event-types.js';
import { readJourney } from '../../../test/demo-shop/journey/read-journey.js';
import { exitCodes } from '../../exit-codes.js';
import { packageRoot } from '../../package-version.js';
import { resolvePlan } from '../../resolve-plan.js';
import { UsageError } from '../../usage-error.js';
import type { AuditResult } from './audit-result.js';
import { buildExtensionToStderr } from './build-extension-to-stderr.js';
import { checkStartUrls } from './check-start-urls.js';
import { findConsentFindings } from '../demo/find-consent-findings.js';
import { findLineageGaps } from '../demo/find-lineage-gaps.js';
import { sessionLayers } from '../demo/session-layers.js';
import { createProgress, type Progress } from './create-progress.js';
import { crawlSite } from './crawl-site.js';
import { isLoopbackUrl, launchAuditBrowser, requireChromium } from './launch-audit-browser.js';
import { parseStartUrls } from './parse-audit-flags.js';
import { readSettledSessions } from './read-settled-sessions.js';
import { renderAuditReport, type AuditFormat } from './render-audit-report.js';
import { captureRecords, summarisePages, type CapturedTab } from './summarise-pages.js';
import { walkJourneys, type NamedJourney } from './walk-journeys.js';
import { writeAuditReports } from './write-audit-reports.js';

export interface AuditFlags {
  plan: string;
  journey?: string[];
  concurrency: number;
  maxPages: number;
  depth: number;
  anyOrigin?: boolean;
  format: AuditFormat;
  reports?: string;
  failOn: Severity | 'never';
  timeout: number;
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * `tagwarden audit`: Chromium with the tagwarden extension either crawls the site from the
 * start URLs or walks the given journeys; the extension's capture of every tab is checked
 * against the plan exactly as `tagwarden check` checks a capture, and reported for CI.
 */
export async function runAudit(urlTexts: string[], flags: AuditFlags): Promise<void> {
  const startUrls = parseStartUrls(urlTexts);
  const plan = resolvePlan(flags.plan);
  const journeys = (flags.journey ?? []).map(loadJourney);
  requireChromium();
  await checkStartUrls(startUrls, flags.timeout);
  const progress = createProgress(process.stderr, flags.format === 'json');

  progress.step('building the extension when stale');
  const extension = await buildExtensionToStderr(packageRoot());
  const { tabs, notices, failures } = await captureTabs(startUrls, journeys, flags, {
    extensionDir: extension.directory,
    progress,
  });
  progress.done();

  const check = checkCaptures(captureRecords(tabs), plan, {
    inputs: tabs.map(({ session, reachedBy }) => `extension tab ${session.tabId} (${reachedBy})`),
  });
  const layers = tabs.map(({ session }) => sessionLayers(session));
  const result: AuditResult = {
    mode: journeys.length > 0 ? 'journey' : 'crawl',
    startUrls,
    journeys: journeys.map(({ journey }) => journey.name),
    pages: summarisePages(tabs, check),
    failures,
    notices: [...notices, ...droppedNotices(tabs)],
    check,
    gaps: layers.flatMap((tab) => findLineageGaps(tab)),
    consent: findConsentFindings(layers),
  };
  process.stdout.write(renderAuditReport(result, flags.format));
  if (flags.reports !== undefined) {
    const files = writeAuditReports(result, flags.reports);
    if (flags.format !== 'json') progress.step(`reports written: ${files.join(', ')}`);
  }
  process.exitCode = exitCodeFor(check, flags.failOn);
}

async function captureTabs(
  startUrls: string[],
  journeys: NamedJourney[],
  flags: AuditFlags,
  context: { extensionDir: string; progress: Progress },
) {
  const isLoopbackOnly = startUrls.every(isLoopbackUrl);
  const { browser, extensionId, close } = await launchAuditBrowser(
    context.extensionDir,
    isLoopbackOnly,
  );
  try {
    if (journeys.length > 0) {
      const walked = await walkJourneys(browser, extensionId, journeys, {
        baseUrl: startUrls[0] ?? '',
        timeoutMs: flags.timeout,
        onStep: (text) => context.progress.step(text),
      });
      return { ...walked, failures: [] };
    }
    const tabs = await Promise.all(
      Array.from({ length: flags.concurrency }, () => browser.newPage()),
    );
    const crawl = await crawlSite(tabs, startUrls, {
      origins: new Set(startUrls.map((url) => new URL(url).origin)),
      isSameOrigin: flags.anyOrigin !== true,
      maxPages: flags.maxPages,
      maxDepth: flags.depth,
      timeoutMs: flags.timeout,
      onVisit: (visited, known, url) => context.progress.page(visited, known, url),
    });
    const sessions = await readSettledSessions(browser, extensionId);
    const captured: CapturedTab[] = sessions
      .filter((session) =>
        session.navigations.some((navigation) => /^https?:/.test(navigation.url)),
      )
      .map((session) => ({ session, reachedBy: 'crawl' }));
    return { tabs: captured, notices: [], failures: crawl.failures };
  } finally {
    await close();
  }
}

function loadJourney(file: string): NamedJourney {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      `journey ${file} cannot be read (${code})`,
      'Name a journey YAML file that exists.',
    );
  }
  const result = readJourney(text, file);
  if (result.ok) return { file, journey: result.journey };
  const [first] = result.errors;
  const where = first?.line === undefined ? file : `${file}:${first.line}`;
  throw new UsageError(
    `journey ${where}: ${first?.message ?? 'unreadable'}`,
    first?.hint ??
      'Fix the journey file; its format is in test/demo-shop/README.md ("Journey files").',
  );
}

function droppedNotices(tabs: CapturedTab[]): string[] {
  return tabs.flatMap(({ session, reachedBy }) => {
    const { pushes, hits } = session.dropped;
    if (pushes + hits === 0) return [];
    return [
      `tab ${session.tabId} (${reachedBy}) outgrew the extension's session: ${pushes} push(es) and ${hits} hit(s) dropped, oldest first`,
    ];
  });
}

function exitCodeFor(check: CheckReport, failOn: Severity | 'never'): number {
  if (failOn === 'never') return exitCodes.clean;
  const threshold = severityRank[failOn];
  const hasFailing = check.events.some((event) =>
    event.violations.some((violation) => severityRank[violation.severity] >= threshold),
  );
  return hasFailing ? exitCodes.violations : exitCodes.clean;
}
