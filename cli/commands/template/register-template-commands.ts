import { Option, type Command } from 'commander';
import { runTemplateBuild } from './template-build-command.js';
import { runTemplateLint } from './template-lint-command.js';
import { registerTemplateTestCommand } from './template-test-command.js';

/**
 * `tagwarden template …`: the GTM custom-template toolchain. Subcommands register on the
 * `template` command returned here, one call each.
 */
export function registerTemplateCommands(program: Command): Command {
  const template = program
    .command('template')
    .description(
      'Work with GTM custom templates (.tpl files and their sources): lint, build, test.',
    );
  registerLintCommand(template);
  registerBuildCommand(template);
  registerTemplateTestCommand(template);
  return template;
}

function registerLintCommand(template: Command): void {
  template
    .command('lint')
    .description('Check .tpl files and template source folders against the sandbox rules.')
    .argument('<inputs...>', '.tpl files, template source folders, or folders holding either')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or input error.',
        'Rules: gtm-template/README.md',
      ].join('\n'),
    )
    .action((inputs: string[], options: { format: 'text' | 'json' }) =>
      runTemplateLint(inputs, options),
    );
}

function registerBuildCommand(template: Command): void {
  template
    .command('build')
    .description('Build template.tpl from each template source folder (template.js, info.json…).')
    .argument('[folders...]', 'source folders, or folders holding them (default: gtm-template)')
    .option(
      '--check',
      'write nothing; exit 1 naming each template.tpl that differs from its sources',
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 built (or up to date), 1 stale with --check, 2 usage or source error.',
      ].join('\n'),
    )
    .action((folders: string[], options: { check?: boolean }) =>
      runTemplateBuild(folders, options),
    );
}
