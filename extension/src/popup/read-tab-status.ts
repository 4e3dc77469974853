import browser from 'webextension-polyfill';
import type { TabSession } from '../common/session-types.js';
import { bundledPlan } from '../panel/app/bundled-plan.js';
import { loadSitePlan } from '../panel/app/plan-store.js';
import { sessionPageUrl } from '../panel/app/use-session-source.js';
import { analyseSession } from '../panel/model/analyse-session.js';
import { buildLineageView } from '../panel/model/build-lineage-view.js';
import { choosePlan, siteKeyOf } from '../panel/model/plan-choice.js';

/** What the popup shows of a tab at a glance. */
export interface TabStatus {
  url: string;
  pushes: number;
  hits: number;
  planLabel: string;
  valid: number;
  invalid: number;
  unplanned: number;
  warnings: number;
  lineageProblems: number;
  missing: number;
}

/** The tab's session, judged by the site's plan exactly as the panel judges it. */
export async function readTabStatus(tabId: number): Promise<TabStatus | null> {
  const session = (await browser.runtime.sendMessage({
    type: 'getSession',
    tabId,
  })) as TabSession | null;
  if (session === null || session === undefined) return null;
  const url = sessionPageUrl(session) ?? '';
  const choice = choosePlan(await loadSitePlan(siteKeyOf(url, 'default')), bundledPlan());
  const analysis = analyseSession(session, choice.plan);
  const lineage = buildLineageView(analysis.rows, choice.plan);
  const { summary } = analysis.report;
  return {
    url,
    pushes: session.pushes.length,
    hits: session.hits.length,
    planLabel: choice.label,
    valid: summary.valid,
    invalid: summary.invalid,
    unplanned: summary.unplanned,
    warnings: analysis.rows.filter((row) => row.status === 'warning').length,
    lineageProblems: lineage.result.findings.filter((finding) => finding.severity !== 'info')
      .length,
    missing: analysis.report.missing.length,
  };
}
