import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { parseTemplate } from '../../../gtm-template/sandbox/format/parse-template.js';
import { createDefaultTestOptions } from '../../../gtm-template/sandbox/testing/default-test-options.js';
import {
  renderTestJson,
  renderTestJunit,
  renderTestText,
  totalsOf,
  type FileTestRun,
} from '../../../gtm-template/sandbox/testing/render-test-report.js';
import { runTemplateTests } from '../../../gtm-template/sandbox/testing/run-template-tests.js';
import { exitCodes } from '../../exit-codes.js';
import { readInputFile } from '../../read-input-file.js';
import { UsageError } from '../../usage-error.js';

export interface TemplateTestOptions {
  format: 'text' | 'json' | 'junit';
}

const renderers = { text: renderTestText, json: renderTestJson, junit: renderTestJunit };

/** Adds `template test` to the `template` command group. */
export function registerTemplateTestCommand(group: Command): void {
  group
    .command('test')
    .description("Run the ___TESTS___ scenarios of .tpl files as GTM's Tests tab does.")
    .argument('<inputs...>', '.tpl files, or directories searched for .tpl files')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'junit'])
        .default('text'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 every scenario passed, 1 a scenario failed, 2 an input is missing or not a template.',
        'Example: tagwarden template test gtm-template/examples --format junit > template-tests.xml',
      ].join('\n'),
    )
    .action((inputs: string[], options: TemplateTestOptions) =>
      runTemplateTestCommand(inputs, options),
    );
}

/** `tagwarden template test`: every scenario of every template, a report, and an exit code. */
export async function runTemplateTestCommand(
  inputs: string[],
  options: TemplateTestOptions,
): Promise<void> {
  const files = collectTemplateFiles(inputs);
  const testOptions = createDefaultTestOptions();
  const runs: FileTestRun[] = [];
  for (const file of files) {
    const parsed = parseTemplate(readInputFile(file), file);
    if (!parsed.ok) {
      runs.push({
        file,
        errors: parsed.errors.map(
          (error) => `${error.message} (line ${error.line}) → ${error.hint}`,
        ),
      });
      continue;
    }
    runs.push({ file, report: await runTemplateTests(parsed.template, testOptions) });
  }

  process.stdout.write(renderers[options.format](runs));
  const hasInputErrors = runs.some((run) => (run.errors?.length ?? 0) > 0);
  if (hasInputErrors) process.exitCode = exitCodes.usageOrInput;
  else process.exitCode = totalsOf(runs).failed > 0 ? exitCodes.violations : exitCodes.clean;
}

function collectTemplateFiles(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (!isDirectory(input)) {
      files.push(input);
      continue;
    }
    const found = findTemplates(input);
    if (found.length === 0) {
      throw new UsageError(
        `${input} holds no .tpl files`,
        'Name .tpl files directly, or a directory that holds some.',
      );
    }
    files.push(...found);
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function findTemplates(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...findTemplates(path));
    else if (entry.name.endsWith('.tpl')) found.push(path);
  }
  return found;
}
