import { Option, type Command } from 'commander';
import { UsageError } from '../../usage-error.js';
import { collectValues, wholeNumberAtLeast } from './parse-audit-flags.js';
import { runAudit, type AuditFlags } from './run-audit.js';

/** Adds `tagwarden audit` to the program. */
export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description(
      'Crawl a site (or walk scripted journeys) in headless Chromium with the tagwarden extension, and check what it captured against a tracking plan.',
    )
    .argument(
      '<urls...>',
      'start URLs (http or https); with --journey, the first is the base of its paths',
    )
    .requiredOption(
      '--plan <plan>',
      'a plan file (tagwarden YAML/JSON, Segment Protocols JSON, JSON Schema map) or a bundled plan name: ga4-recommended',
    )
    .option(
      '--journey <file>',
      'walk this journey file instead of crawling (repeatable; format: test/demo-shop/README.md)',
      collectValues,
    )
    .option('--concurrency <n>', 'pages crawled at once, one tab each', wholeNumberAtLeast(1), 2)
    .option('--max-pages <n>', 'pages crawled at most', wholeNumberAtLeast(1), 50)
    .option(
      '--depth <n>',
      'link hops followed from a start URL (0: the start URLs only)',
      wholeNumberAtLeast(0),
      1,
    )
    .option('--same-origin', "follow links on the start URLs' origins only (the default)")
    .option('--any-origin', 'follow links to any http(s) origin')
    .addOption(
      new Option('--format <format>', 'report format on standard output')
        .choices(['text', 'json', 'junit', 'markdown'])
        .default('text'),
    )
    .option('--reports <dir>', 'also write every format and an HTML page into this folder')
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 1 when a violation at or above this severity is found',
      )
        .choices(['error', 'warning', 'info', 'never'])
        .default('error'),
    )
    .option(
      '--timeout <ms>',
      'how long a page load or a journey step may take',
      wholeNumberAtLeast(1),
      30_000,
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 clean, 1 violations at or above --fail-on, 2 usage or input error (a bad plan, an unreachable start URL, no Chromium).',
        'Example: tagwarden audit https://shop.example.com/ --plan plan.yaml --format junit > audit.xml',
      ].join('\n'),
    )
    .action((urls: string[], flags: AuditFlags & { sameOrigin?: boolean }) => {
      if (flags.sameOrigin === true && flags.anyOrigin === true)
        throw new UsageError(
          '--same-origin and --any-origin contradict each other',
          'Give one of them.',
        );
      return runAudit(urls, flags);
    });
}
