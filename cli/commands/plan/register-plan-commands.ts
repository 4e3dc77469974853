import { Option, type Command } from 'commander';
import { importFormats } from '../../../shared/plan/importers/import-plan.js';
import { runPlanDiff, type PlanDiffOptions } from './plan-diff-command.js';
import { runPlanImport, type PlanImportOptions } from './plan-import-command.js';
import { runPlanInfer, type PlanInferOptions } from './plan-infer-command.js';
import { runPlanLint, type PlanLintOptions } from './plan-lint-command.js';

const formatNames = importFormats.map(({ format }) => format);
const planArgument =
  'a plan file, a folder of plan files, or a bundled plan name (ga4-recommended)';

/** `tagwarden plan import|infer|lint|diff`: tracking plans as teams already write them. */
export function registerPlanCommands(program: Command): void {
  const plan = program
    .command('plan')
    .description('Import, infer, lint and compare tracking plans, in any format tagwarden reads.');

  plan
    .command('import')
    .description('Translate a plan written for another tool into a tagwarden plan.')
    .argument('<plan>', planArgument)
    .addOption(fromOption())
    .option('-o, --output <file>', 'write the plan to a file instead of standard output')
    .addOption(
      new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'),
    )
    .addHelpText(
      'after',
      examples(
        'tagwarden plan import rudderstack-project/ -o plan.yaml',
        'tagwarden plan import export.json --from avo',
      ),
    )
    .action((input: string, options: PlanImportOptions) => runPlanImport(input, options));

  plan
    .command('infer')
    .description('Draft a plan from example pushes or captured sessions (HAR, NDJSON, URL lists).')
    .argument('<inputs...>', 'JSON arrays or NDJSON of pushes, or captures tagwarden check reads')
    .option('-o, --output <file>', 'write the draft to a file instead of standard output')
    .option('--name <name>', "the draft plan's name", 'inferred-plan')
    .addOption(
      new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'),
    )
    .addHelpText(
      'after',
      examples('tagwarden plan infer session.har pushes.json -o draft-plan.yaml'),
    )
    .action((inputs: string[], options: PlanInferOptions) => runPlanInfer(inputs, options));

  plan
    .command('lint')
    .description(
      'Find mistakes in a plan: dead keywords, impossible constraints, naming, GA4 limits.',
    )
    .argument('<plan>', planArgument)
    .addOption(fromOption())
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .option('-o, --output <file>', 'write the findings to a file instead of standard output')
    .addHelpText(
      'after',
      ['', 'Exit codes: 0 no errors, 1 at least one error, 2 the plan cannot be read.'].join('\n'),
    )
    .action((reference: string, options: PlanLintOptions) => runPlanLint(reference, options));

  plan
    .command('diff')
    .description('Show what changed between two plans: added, removed, tightened, loosened.')
    .argument('<old>', planArgument)
    .argument('<new>', planArgument)
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .addOption(
      new Option(
        '--old-from <format>',
        'the format of <old>, when detection guesses wrong',
      ).choices(formatNames),
    )
    .addOption(
      new Option(
        '--new-from <format>',
        'the format of <new>, when detection guesses wrong',
      ).choices(formatNames),
    )
    .option('-o, --output <file>', 'write the diff to a file instead of standard output')
    .addHelpText(
      'after',
      examples('tagwarden plan diff main-plan.yaml plan.yaml --format markdown'),
    )
    .action((before: string, after: string, options: PlanDiffOptions) =>
      runPlanDiff(before, after, options),
    );
}

function fromOption(): Option {
  return new Option(
    '--from <format>',
    'the source format; detected from the content when left out',
  ).choices(formatNames);
}

function examples(...lines: string[]): string {
  return ['', 'Examples:', ...lines.map((line) => `  ${line}`)].join('\n');
}
