import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkBundledCaptures,
  jsonReport,
  summaryLine,
  type CheckJsonReport,
} from './check-report-shape.js';
import { makeScratchDirectory, rowsNamedBy, runCli } from './run-cli.js';

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

let report: CheckJsonReport;
beforeAll(() => {
  report = jsonReport(checkBundledCaptures('--format', 'json'));
});

const linesOf = (text: string) => text.trimEnd().split('\n');

// The lines that follow a section heading, up to the next blank line.
function section(lines: string[], heading: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start === -1) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe('tagwarden check --format text on the bundled captures', () => {
  let lines: string[];
  beforeAll(() => {
    const run = checkBundledCaptures();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    lines = linesOf(run.stdout);
  });

  it('opens with the plan and the number of inputs', () => {
    expect(lines[0]).toBe('tagwarden check · plan ga4-recommended (tagwarden) · 4 input(s)');
  });

  it('ends with the summary line of the JSON counts', () => {
    expect(lines.at(-1)).toBe(summaryLine(report));
    expect(lines.at(-1)).toBe(
      '36 events: 27 valid, 6 invalid, 3 unplanned · 15 errors, 8 warnings, 0 notes',
    );
  });

  it('prints one verdict line per event, in the order of the JSON report', () => {
    const marks = { valid: '✓ valid', invalid: '✗ invalid', unplanned: '? unplanned' };
    const verdicts = lines.filter((line) => /^[✓✗?] /.test(line));

    expect(verdicts.map((line) => line.split(/ {2,}/)[0])).toEqual(
      report.events.map((event) => marks[event.status]),
    );
  });

  it('prints each violation under its event with severity, code and path', () => {
    const rs = lines.findIndex((line) => line.includes('datalayer-session.ndjson:13'));

    expect(lines[rs]).toMatch(/^✗ invalid +datalayer purchase /);
    expect(lines[rs + 1]).toMatch(/^ +error +pattern_mismatch +\/currency +"currency" in purchase/);
  });

  it.each(
    rowsNamedBy('heading', [
      { heading: 'Other analytics beacons', count: () => report.otherBeacons.length },
      { heading: 'Google auxiliary traffic', count: () => report.auxiliary.length },
    ]),
  )('lists every one of the %s', (_, { heading, count }) => {
    expect(section(lines, heading)).toHaveLength(count());
  });

  it('counts the planned events never seen as the JSON does', () => {
    expect(lines).toContain(`Planned events never seen (${report.missing.length}):`);
  });
});

describe('tagwarden check --format markdown on the bundled captures', () => {
  let lines: string[];
  beforeAll(() => {
    const run = checkBundledCaptures('--format', 'markdown');
    expect(run.status).toBe(1);
    lines = linesOf(run.stdout);
  });

  it('has the summary table with the JSON counts', () => {
    const { summary } = report;
    const header = '| events | valid | invalid | unplanned | errors | warnings | notes |';
    const row =
      `| ${summary.events} | ${summary.valid} | ${summary.invalid} | ${summary.unplanned} ` +
      `| ${summary.violations.error} | ${summary.violations.warning} | ${summary.violations.info} |`;

    expect(lines[0]).toBe('## tagwarden check: ga4-recommended');
    expect(lines[lines.indexOf(header) + 2]).toBe(row);
  });

  it('has one row per event, in the order of the JSON report', () => {
    const icons = {
      valid: '| ✅ valid |',
      invalid: '| ❌ invalid |',
      unplanned: '| ❔ unplanned |',
    };
    const rows = lines.filter((line) => /^\| (✅|❌|❔) /.test(line));

    expect(rows.map((row) => row.slice(0, row.indexOf(' |', 2) + 2))).toEqual(
      report.events.map((event) => icons[event.status]),
    );
  });

  it('names the violations of an invalid event in its row', () => {
    const row = lines.find((line) => line.includes('datalayer-session.ndjson:13'));

    expect(row).toContain('`pattern_mismatch` `/currency`');
  });

  it('keeps five cells in a row whose event name holds a pipe', () => {
    const capture = scratch.write('pipe.ndjson', '{"type": "push", "push": {"event": "a|b"}}\n');

    const run = runCli(['check', capture, '--plan', 'ga4-recommended', '--format', 'markdown']);
    const row = linesOf(run.stdout).find((line) => line.startsWith('| ❔'));

    expect(row?.split(/(?<!\\)\|/).slice(1, -1)).toHaveLength(5);
    expect(row).toContain('`a\\|b`');
  });
});
