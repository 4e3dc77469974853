import { Option, type Command } from 'commander';
import { runDemo, type DemoFlags } from './run-demo.js';

/** Adds `tagwarden demo` to the program. */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description(
      'Run the whole system on a live browser session: the demo shop, Chromium with the extension, the collector on DuckDB, and the coverage report.',
    )
    .option('--keep-serving', 'keep the shop and the collector up afterwards, until Ctrl-C')
    .option('--headful', 'show the browser window (when a display is available)')
    .option('--reports <dir>', 'where the reports and the DuckDB warehouse go', 'reports')
    .addOption(
      new Option('--log-level <level>', 'progress and collector logs on standard error')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('warn'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 the job ran (the demo shop’s tracking bugs are deliberate), 2 it could not run.',
        'Example: tagwarden demo --reports reports && open reports/tagwarden-demo.html',
      ].join('\n'),
    )
    .action((flags: DemoFlags) => runDemo(flags));
}
