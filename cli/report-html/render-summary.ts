import type { CheckReport } from '../../shared/check/check-report.js';
import type { ConsentFindings } from '../commands/demo/find-consent-findings.js';
import type { LineageGap } from '../commands/demo/find-lineage-gaps.js';
import type { CoverageMatrix } from './build-coverage-matrix.js';
import { escapeHtml } from './escape-html.js';
import type { ViolationGroup } from './group-violations.js';

/** One headline number; the tone colours it (good news, bad news, worth a look). */
export interface SummaryFigure {
  label: string;
  value: string;
  tone?: 'good' | 'bad' | 'warn';
}

/** The findings a summary is drawn from: the same data the sections below it render. */
export interface SummaryInput {
  check: CheckReport;
  coverage: CoverageMatrix;
  violations: ViolationGroup[];
  gaps: LineageGap[];
  consent: ConsentFindings;
}

/**
 * The report's opening: a row of headline figures (the command's own first) and one sentence
 * naming the commonest violation codes, each figure detailed by a section below.
 */
export function renderSummary(input: SummaryInput, leading: SummaryFigure[] = []): string {
  const figures = [...leading, ...findingFigures(input)].map(
    (figure) =>
      `<div${figure.tone ? ` class="${figure.tone}"` : ''}><dt>${escapeHtml(figure.label)}</dt><dd>${escapeHtml(figure.value)}</dd></div>`,
  );
  const top = input.violations.slice(0, 3).map((group) => `${group.code} (${group.count})`);
  const sentence =
    top.length === 0 ? 'No event broke the plan.' : `Most frequent violations: ${top.join(', ')}.`;
  return [
    '<section data-testid="summary">',
    '<h2>Summary</h2>',
    `<dl class="figures">${figures.join('')}</dl>`,
    `<p>${escapeHtml(sentence)}</p>`,
    '</section>',
  ].join('\n');
}

function findingFigures({ check, coverage, gaps, consent }: SummaryInput): SummaryFigure[] {
  const { summary } = check;
  const planned = coverage.rows.filter((row) => row.group !== 'unplanned');
  const fired = planned.filter((row) => row.group === 'fired').length;
  const errors = summary.violations.error;
  const beforeGrant = consent.deniedHits.filter((hit) => hit.isBeforeGrant).length;
  const verdict = consent.mirror.verdict;
  return [
    { label: 'events checked', value: String(summary.events) },
    {
      label: 'invalid',
      value: String(summary.invalid),
      tone: summary.invalid > 0 ? 'bad' : 'good',
    },
    { label: 'unplanned', value: String(summary.unplanned), ...warnIf(summary.unplanned > 0) },
    { label: 'errors', value: String(errors), tone: errors > 0 ? 'bad' : 'good' },
    { label: 'planned events fired', value: `${fired} of ${planned.length}` },
    { label: 'lineage gaps', value: String(gaps.length), ...warnIf(gaps.length > 0) },
    { label: 'hits before consent', value: String(beforeGrant), ...warnIf(beforeGrant > 0) },
    {
      label: 'mirror and consent',
      value: verdict === 'no-mirror' ? 'no mirror' : verdict,
      ...(verdict === 'no-mirror' ? {} : { tone: verdict === 'respected' ? 'good' : 'bad' }),
    },
  ];
}

function warnIf(condition: boolean): Pick<SummaryFigure, 'tone'> {
  return condition ? { tone: 'warn' } : {};
}
