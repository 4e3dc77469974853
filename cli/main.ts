#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { runCheck } from './commands/check-command.js';
import { runDecode } from './commands/decode-command.js';
import { runReplay } from './commands/replay-command.js';
import { registerPlanCommands } from './commands/plan/register-plan-commands.js';
import { exitCodes } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './package-version.js';
import { registerTemplateCommands } from './commands/template/register-template-commands.js';
import { registerServeCommands } from './commands/serve/register-serve-commands.js';
import { registerMirrorCommands } from './commands/mirror/register-mirror-commands.js';
import { registerCoverageCommands } from './commands/coverage/register-coverage-commands.js';
import { registerDemoCommands } from './commands/demo/register-demo-commands.js';
import { registerAuditCommands } from './commands/audit/register-audit-commands.js';

const program = new Command('tagwarden')
  .description(
    'Decode, validate and mirror web analytics: GA4 hits, dataLayer pushes, tracking plans.',
  )
  .version(packageVersion())
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

program
  .command('decode')
  .description(
    'Decode one analytics request (a GA4 /g/collect hit or another vendor beacon) into events.',
  )
  .argument('<url>', 'the request URL, a /g/collect path or a bare GA4 query string')
  .option(
    '--body <file>',
    'a file holding the POST body (batched GA4 hits carry one event per line)',
  )
  .addOption(
    new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'),
  )
  .action((url: string, options: { body?: string; format: 'json' | 'table' }) =>
    runDecode(url, options),
  );

program
  .command('replay')
  .description("Replay dataLayer pushes into GTM's data model and show the model after each push.")
  .argument(
    '<pushes>',
    'a JSON file holding an array of pushes; {"$arguments": [...]} stands for a gtag call',
  )
  .addOption(
    new Option('--format <format>', 'output format').choices(['json', 'table']).default('json'),
  )
  .action((file: string, options: { format: 'json' | 'table' }) => runReplay(file, options));

program
  .command('check')
  .description('Validate every GA4 event and dataLayer push in captures against a tracking plan.')
  .argument(
    '<inputs...>',
    'HAR files, NDJSON captures, text files with one URL a line, or directories of them',
  )
  .requiredOption(
    '--plan <plan>',
    'a plan file (tagwarden YAML/JSON, Segment Protocols JSON, JSON Schema map) or a bundled plan name: ga4-recommended',
  )
  .addOption(
    new Option('--format <format>', 'output format')
      .choices(['text', 'json', 'junit', 'markdown'])
      .default('text'),
  )
  .addOption(
    new Option('--fail-on <severity>', 'exit 1 when a violation at or above this severity is found')
      .choices(['error', 'warning', 'info', 'never'])
      .default('error'),
  )
  .option('--output <file>', 'write the report to a file instead of standard output')
  .addHelpText(
    'after',
    [
      '',
      'Exit codes: 0 clean, 1 violations at or above --fail-on, 2 usage or input error.',
      'Example: tagwarden check session.har --plan ga4-recommended --format junit --output report.xml',
    ].join('\n'),
  )
  .action((inputs: string[], options: CheckCliOptions) => runCheck(inputs, options));

type CheckCliOptions = Parameters<typeof runCheck>[1];

// Command groups (plan, template, serve/query, audit) register themselves here, one call each.
registerPlanCommands(program);
registerTemplateCommands(program);
registerServeCommands(program);
registerMirrorCommands(program);
registerCoverageCommands(program);
registerDemoCommands(program);
registerAuditCommands(program);

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    const isHelpOrVersion =
      error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    return isHelpOrVersion || error.exitCode === 0 ? exitCodes.clean : exitCodes.usageOrInput;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`tagwarden: ${error.message}\n  → ${error.hint}\n`);
    return exitCodes.usageOrInput;
  }
  process.stderr.write(
    `tagwarden: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return exitCodes.usageOrInput;
}

await main();
