import { Option, type Command } from 'commander';
import { runMirror, type MirrorCliOptions } from './run-mirror.js';

/** Adds `tagwarden mirror` to the program. */
export function registerMirrorCommands(program: Command): void {
  program
    .command('mirror')
    .description(
      'Write a GTM export to import by merge that adds a warehouse mirror tag beside every GA4 tag.',
    )
    .argument('<export>', 'a GTM container export (Admin → Export Container), web unless --server')
    .option(
      '-o, --output <file>',
      'where to write the merge export; - for standard output (default: <export>.mirror.json)',
    )
    .option('--template <file>', 'the mirror template (.tpl); default: the one tagwarden ships')
    .option(
      '--endpoint <url>',
      'the collector URL mirror tags send to (kept in a Constant variable)',
    )
    .option(
      '--join-key [name]',
      'add this parameter (default event_id) to GA4 tags so GA4 and warehouse rows join',
    )
    .option('--server', 'mirror a server container: the server mirror tag on a GA4 client trigger')
    .option(
      '--no-dependencies',
      'leave out unchanged copies of the triggers and variables the new tags use',
    )
    .addOption(
      new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 export written (or nothing to mirror), 2 usage or input error.',
        'Example: tagwarden mirror GTM-ABC123_workspace.json --endpoint https://collect.example.com/g/collect --join-key',
      ].join('\n'),
    )
    .action((file: string, options: MirrorCliOptions) => runMirror(file, options));
}
