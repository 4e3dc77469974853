import type { ScenarioFailure, TemplateTestReport } from './test-report.js';

/** One template file's test run, or why it could not run. */
export interface FileTestRun {
  file: string;
  report?: TemplateTestReport;
  /** Set when the file could not be read or parsed as a template. */
  errors?: string[];
}

/** Totals over all files; a file that could not run counts as one failure. */
export function totalsOf(runs: readonly FileTestRun[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const run of runs) {
    passed += run.report?.passed ?? 0;
    failed += (run.report?.failed ?? 0) + (run.errors && run.errors.length > 0 ? 1 : 0);
  }
  return { passed, failed };
}

/** Where a failure points, for a reader: "code line 4:3", "setup line 2", "template line 17:5". */
export function describePlace(failure: ScenarioFailure): string {
  if (failure.line === undefined) return '';
  const column = failure.column === undefined ? '' : `:${failure.column}`;
  return `${failure.source ?? 'code'} line ${failure.line}${column}`;
}

/**
 * The terminal report: each file, each scenario with ✓ or ✗ and why it failed, then the
 * closing `N passed, N failed` line on its own, which CI log readers recognise.
 */
export function renderTestText(runs: readonly FileTestRun[]): string {
  const lines: string[] = [];
  for (const run of runs) {
    lines.push(run.file);
    for (const error of run.errors ?? []) lines.push(`  ✗ ${error}`);
    for (const scenario of run.report?.scenarios ?? []) {
      lines.push(`  ${scenario.passed ? '✓' : '✗'} ${scenario.name}`);
      for (const failure of scenario.failures) {
        const place = describePlace(failure);
        lines.push(`      ${failure.message}${place === '' ? '' : ` (${place})`}`);
      }
    }
    if (run.report && run.report.scenarios.length === 0 && !run.errors?.length)
      lines.push('  (no scenarios)');
  }
  const { passed, failed } = totalsOf(runs);
  lines.push('', `${passed} passed, ${failed} failed`, '');
  return lines.join('\n');
}

export function renderTestJson(runs: readonly FileTestRun[]): string {
  return `${JSON.stringify({ ...totalsOf(runs), files: runs }, null, 2)}\n`;
}

/** JUnit XML: one suite per template file, one case per scenario. */
export function renderTestJunit(runs: readonly FileTestRun[]): string {
  const { passed, failed } = totalsOf(runs);
  const suites = runs.map((run) => {
    const scenarios = run.report?.scenarios ?? [];
    const errors = run.errors ?? [];
    const cases = scenarios.map((scenario) => {
      const open = `    <testcase classname="${escapeXml(run.file)}" name="${escapeXml(scenario.name)}"`;
      if (scenario.passed) return `${open}/>`;
      const first = scenario.failures[0];
      const details = scenario.failures
        .map(
          (failure) =>
            `${failure.message}${describePlace(failure) ? ` (${describePlace(failure)})` : ''}`,
        )
        .join('\n');
      return [
        `${open}>`,
        `      <failure type="${escapeXml(first?.kind ?? 'failure')}" message="${escapeXml(first?.message ?? 'failed')}">${escapeXml(details)}</failure>`,
        '    </testcase>',
      ].join('\n');
    });
    const failures = scenarios.filter((scenario) => !scenario.passed).length;
    const errorCases = errors.map(
      (error) =>
        `    <testcase classname="${escapeXml(run.file)}" name="(template)">\n      <error message="${escapeXml(error)}"/>\n    </testcase>`,
    );
    return [
      `  <testsuite name="${escapeXml(run.file)}" tests="${scenarios.length + errors.length}" failures="${failures}" errors="${errors.length}">`,
      ...cases,
      ...errorCases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tagwarden template test" tests="${passed + failed}" failures="${failed}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

// XML 1.0 cannot carry most control characters, even escaped.
// eslint-disable-next-line no-control-regex
const xmlForbiddenCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(xmlForbiddenCharacters, '');
}
