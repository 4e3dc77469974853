import { afterAll, describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../shared/container/coverage-types.js';
import { makeScratchDirectory, parseStdout, runCli } from './run-cli.js';

const fixtures = 'test/fixtures/containers';
const shopPlan = `${fixtures}/shop-plan.yaml`;
const coverage = (file: string, plan: string, ...options: string[]) =>
  runCli(['coverage', '--container', `${fixtures}/${file}`, '--plan', plan, ...options]);

describe('tagwarden coverage', () => {
  it('prints planned events, GA4 tags and gaps, and exits 0 without --fail-on', () => {
    const run = coverage('shop-web.json', shopPlan);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'tagwarden coverage · GTM-SHOP7Q2 (Northwind Outdoor shop) · plan northwind-shop 4.0',
    );
    expect(run.stdout).toMatch(
      /covered {5}purchase +GA4 - purchase +transaction_id ✓, items \(ecommerce\), customer_type ✗ missing/,
    );
    expect(run.stdout).toMatch(
      /inferred {4}GA4 - wishlist and cart views: \{\{Event\}\} {2}\(add_to_wishlist, view_cart\)/,
    );
    expect(run.stdout).toContain('Gaps (14):');
  });

  it('reports as JSON against the bundled plan', () => {
    const report = parseStdout<CoverageReport>(
      coverage('publisher-web.json', 'ga4-recommended', '--format', 'json'),
    );

    expect(report.plan).toEqual({ name: 'ga4-recommended', version: '2025.1' });
    expect(report.summary).toMatchObject({ withGa4Tag: 5, ga4Tags: 10, mirrorTags: 0 });
    expect(
      report.gaps.filter((gap) => gap.kind === 'dynamic_event_name').map((gap) => gap.tag?.name),
    ).toEqual(['GA4 - audio', 'GA4 - video']);
  });

  it('reports as Markdown for a pull request', () => {
    const run = coverage('saas-web.json', 'ga4-recommended', '--format', 'markdown');

    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('## tagwarden coverage: GTM-APP88 × ga4-recommended\n')).toBe(
      true,
    );
    expect(run.stdout).toContain(
      '| `sign_up` | covered | GA4 - sign_up | GA4 - sign_up (tagwarden mirror) |',
    );
  });

  it.each([
    { failOn: 'any', exit: 1 },
    { failOn: 'no-mirror-tag', exit: 1 },
    { failOn: 'missing-required,deprecated-event', exit: 1 },
    { failOn: 'unplanned_event', exit: 1 },
    { failOn: 'dynamic-event-name', exit: 0 },
  ])('exits $exit on the shop with --fail-on $failOn', ({ failOn, exit }) => {
    for (const format of ['text', 'json']) {
      const run = coverage('shop-web.json', shopPlan, '--fail-on', failOn, '--format', format);

      expect(run.stderr).toBe('');
      expect(run.status).toBe(exit);
    }
  });
});

describe('tagwarden coverage refuses bad input with exit 2', () => {
  const scratch = makeScratchDirectory();
  const broken = scratch.write('broken.json', '{"exportFormatVersion": 2,');
  afterAll(() => scratch.remove());

  it.each([
    {
      input: 'an unknown --fail-on kind',
      args: ['--fail-on', 'no-tags'],
      container: 'shop-web.json',
      message: '--fail-on no-tags: unknown gap kind no_tags',
    },
    {
      input: 'a server container',
      args: [],
      container: 'server-ga4.json',
      message: 'is a SERVER container export; a web container is needed here',
    },
    {
      input: 'a missing container file',
      args: [],
      container: 'nowhere.json',
      message: 'nowhere.json: no such file',
    },
    {
      input: 'a missing plan',
      args: ['--plan', 'no-such-plan'],
      container: 'shop-web.json',
      message: 'plan no-such-plan: no such file and no bundled plan of that name',
    },
  ])('$input', ({ args, container, message }) => {
    const plan = args.includes('--plan') ? [] : ['--plan', 'ga4-recommended'];
    const run = runCli(['coverage', '--container', `${fixtures}/${container}`, ...plan, ...args]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('→');
  });

  it('broken JSON, and a missing --plan', () => {
    const brokenRun = runCli(['coverage', '--container', broken, '--plan', 'ga4-recommended']);
    const noPlan = runCli(['coverage', '--container', `${fixtures}/shop-web.json`]);

    expect(brokenRun.status).toBe(2);
    expect(brokenRun.stderr).toContain('is not valid JSON');
    expect(noPlan.status).toBe(2);
    expect(noPlan.stderr).toContain("required option '--plan <plan>' not specified");
  });
});
