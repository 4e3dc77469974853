import { computeCoverage } from '../../../shared/container/compute-coverage.js';
import { exitCodes } from '../../exit-codes.js';
import { resolvePlan } from '../../resolve-plan.js';
import { loadContainerExport } from '../mirror/load-container-export.js';
import { parseFailOn } from './parse-fail-on.js';
import { renderCoverageMarkdown } from './render-coverage-markdown.js';
import { renderCoverageText } from './render-coverage-text.js';

export interface CoverageCliOptions {
  container: string;
  plan: string;
  format: 'text' | 'json' | 'markdown';
  failOn?: string;
}

const renderers = {
  text: renderCoverageText,
  json: (report: unknown) => `${JSON.stringify(report, null, 2)}\n`,
  markdown: renderCoverageMarkdown,
};

/** `tagwarden coverage`: a web container and a plan in, static coverage out. */
export function runCoverage(options: CoverageCliOptions): void {
  const failOn = options.failOn === undefined ? [] : parseFailOn(options.failOn);
  const container = loadContainerExport(
    options.container,
    'web',
    'Coverage reads the web container, where the GA4 tags are: export it and pass that file.',
  );
  const plan = resolvePlan(options.plan);
  const report = computeCoverage(container, plan);

  process.stdout.write(renderers[options.format](report));
  const isFailing = report.gaps.some((gap) => failOn.includes(gap.kind));
  process.exitCode = isFailing ? exitCodes.violations : exitCodes.clean;
}
