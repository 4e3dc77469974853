import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckJsonReport } from './check-report-shape.js';
import {
  bundledCaptures,
  fixturePath,
  makeScratchDirectory,
  parseStdout,
  rowsNamedBy,
  runCli,
} from './run-cli.js';

const scratch = makeScratchDirectory();
afterAll(() => scratch.remove());

const check = (inputs: string[], ...options: string[]) => runCli(['check', ...inputs, ...options]);

describe('tagwarden check with a broken plan', () => {
  it.each(
    rowsNamedBy('problem', [
      {
        problem: 'a YAML syntax error',
        name: 'syntax-error.yaml',
        // Line 5 is indented one space short of its sibling on line 3.
        text: ['name: broken', 'events:', '  purchase:', '    required: [id]', '   scroll: {}'],
        at: ':5:1: YAML syntax error',
      },
      {
        problem: '"events" written as a list',
        name: 'events-as-list.yaml',
        text: ['name: listy', 'events:', '  - purchase', '  - scroll'],
        at: ':3:3: "events" must be a map keyed by event name',
      },
      {
        problem: 'a trailing comma in a JSON plan',
        name: 'trailing-comma.json',
        text: ['{"events": {"purchase": {}},}'],
        at: ':1:29: JSON syntax error',
      },
    ]),
  )('exits 2 on %s, printing file:line:column and a hint', (_, { name, text, at }) => {
    const plan = scratch.write(name, text.join('\n') + '\n');

    const run = check([bundledCaptures], '--plan', plan);
    const [message, hint] = run.stderr.split('\n');

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(message).toMatch(new RegExp(`^tagwarden: ${escapeRegExp(plan + at)}`));
    expect(hint).toMatch(/^ {2}→ \S/);
  });

  it('exits 2 on a plan name that is neither a file nor bundled, listing the bundled plans', () => {
    const run = check([bundledCaptures], '--plan', 'ga4-recomended');

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('plan ga4-recomended: no such file and no bundled plan');
    expect(run.stderr).toMatch(/→ .*bundled plans: ga4-recommended\b/);
  });

  it('exits 2 on a --plan that is a folder, with a hint about plans', () => {
    const run = check([bundledCaptures], '--plan', scratch.path);
    const [message, hint] = run.stderr.split('\n');

    expect(run.status).toBe(2);
    expect(message).toBe(`tagwarden: plan ${scratch.path} is a directory`);
    expect(hint).toContain('Pass one plan file');
    expect(hint).not.toContain('reads every capture');
  });
});

describe('tagwarden check with broken captures', () => {
  const brokenLine = [
    '{"type": "push", "push": {"event": "login", "method": "Google"}}',
    '{"type": "push", "push": {"event": "sign_up", "method": "Google"',
    '{"type": "request", "url": "https://www.google-analytics.com/g/collect?v=2&tid=G-DEMO000009&cid=111111130.1700000030&sid=1763632800&dl=https%3A%2F%2Fshop.example.test%2F&dt=Shop&en=page_view"}',
  ].join('\n');

  it('reports the good lines of an NDJSON capture, names the bad line and exits 2', () => {
    const capture = scratch.write('broken-line.ndjson', brokenLine);

    const run = check([capture], '--plan', 'ga4-recommended', '--format', 'json');
    const report = parseStdout<CheckJsonReport>(run);

    expect(run.status).toBe(2);
    expect(report.events.map((event) => [event.name, event.source.line])).toEqual([
      ['login', 1],
      ['page_view', 3],
    ]);
    expect(report.inputErrors).toEqual([
      expect.objectContaining({ source: { file: capture, line: 2 } }),
    ]);
    expect(run.stderr).toMatch(
      new RegExp(`^tagwarden: ${escapeRegExp(capture)}:2: not valid JSON`),
    );
    expect(run.stderr).toMatch(/\n {2}→ .+/);
  });

  it('exits 2 on a broken line even with --fail-on never, and lists it in the text report', () => {
    const capture = scratch.write('broken-line-text.ndjson', brokenLine);

    const run = check([capture], '--plan', 'ga4-recommended', '--fail-on', 'never');

    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Input problems');
    expect(run.stdout).toContain(`${capture}:2: not valid JSON`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 events: 2 valid/);
  });

  it('reports the other inputs beside a truncated HAR file and exits 2 naming it', () => {
    const har = scratch.write('truncated.har', '{"log": {"entries": [\n');

    const run = check([har, fixturePath('valid-page-view.txt')], '--plan', 'ga4-recommended');

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${har} is not valid JSON`);
    expect(run.stdout).toMatch(/^✓ valid +ga4 +page_view +test\/cli\/fixtures\/valid-page-view/m);
  });

  it('exits 2 naming an input path that does not exist', () => {
    const missing = join(scratch.path, 'no-such-capture.har');

    const run = check([missing], '--plan', 'ga4-recommended');

    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^0 events: /m);
    expect(run.stderr).toContain(`tagwarden: ${missing}: no such file or directory`);
    expect(run.stderr).toMatch(/\n {2}→ .+/);
  });

  it('still reports the good inputs beside an input path that does not exist', () => {
    const missing = join(scratch.path, 'no-such-capture.har');

    const run = check([fixturePath('valid-page-view.txt'), missing], '--plan', 'ga4-recommended');

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(run.stdout).toMatch(/^1 events: 1 valid/m);
  });

  it('exits 2 on a folder with no capture files, naming the extensions it reads', () => {
    const empty = join(scratch.path, 'empty-folder');
    mkdirSync(empty);

    const run = check([empty], '--plan', 'ga4-recommended');

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${empty} holds no capture files`);
    expect(run.stderr).toContain('.har, .ndjson, .jsonl, .txt');
  });

  it('a plan file that loads with a warning still checks the captures', () => {
    const plan = scratch.write(
      'with-unknown-key.yaml',
      'name: tiny\nevnets: {}\nevents:\n  page_view:\n',
    );

    const run = check([fixturePath('valid-page-view.txt')], '--plan', plan, '--format', 'json');

    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^tagwarden: ${escapeRegExp(plan)}:2:1: `));
    expect(parseStdout<CheckJsonReport>(run).summary).toMatchObject({ events: 1, valid: 1 });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
