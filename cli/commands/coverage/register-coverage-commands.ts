import { Option, type Command } from 'commander';
import { coverageGapKinds } from '../../../shared/container/coverage-types.js';
import { runCoverage, type CoverageCliOptions } from './run-coverage.js';

/** Adds `tagwarden coverage` to the program. */
export function registerCoverageCommands(program: Command): void {
  program
    .command('coverage')
    .description(
      'Show which planned events a GTM container sends with GA4 tags, and which are mirrored.',
    )
    .requiredOption('--container <export>', 'a GTM web container export (Admin → Export Container)')
    .requiredOption(
      '--plan <plan>',
      'a plan file (tagwarden YAML/JSON, Segment Protocols JSON, JSON Schema map) or a bundled plan name: ga4-recommended',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option(
      '--fail-on <gaps>',
      `exit 1 when gaps of these kinds are found, comma-separated: ${coverageGapKinds.map((kind) => kind.replace(/_/g, '-')).join(', ')}, or any`,
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 done (gaps are reported, not failed, unless --fail-on names them), 1 gaps of a --fail-on kind, 2 usage or input error.',
        'Example: tagwarden coverage --container GTM-ABC123_workspace.json --plan ga4-recommended --fail-on no-ga4-tag,missing-required',
      ].join('\n'),
    )
    .action((options: CoverageCliOptions) => runCoverage(options));
}
