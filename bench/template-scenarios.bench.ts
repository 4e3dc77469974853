import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../cli/package-version.js';
import type { TestScenario } from '../gtm-template/sandbox/contract.js';
import { parseTemplate } from '../gtm-template/sandbox/format/parse-template.js';
import { createDefaultTestOptions } from '../gtm-template/sandbox/testing/default-test-options.js';
import {
  compileTemplate,
  runScenario,
} from '../gtm-template/sandbox/testing/run-template-tests.js';
import type { CompiledTemplate } from '../gtm-template/sandbox/testing/test-globals.js';

/**
 * Template test throughput: every `___TESTS___` scenario of the example templates, repeated
 * until 500 scenarios have run, each in its own fresh realm as `tagwarden template test` runs
 * them. Prints scenarios per second; the target is 500 scenarios in under 10 s.
 */
const target = Number(process.env.BENCH_SCENARIOS ?? 500);
const root = packageRoot();

interface Job {
  compiled: CompiledTemplate;
  scenario: TestScenario;
  setup: string;
  file: string;
}

function findTemplates(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return findTemplates(path);
      return name.endsWith('.tpl') ? [path] : [];
    });
}

// The example templates when they exist; the runner's own fixtures otherwise.
function templateFiles(): string[] {
  const examples = findTemplates(join(root, 'gtm-template/examples'));
  return examples.length > 0
    ? examples
    : findTemplates(join(root, 'test/template-runner/fixtures'));
}

function loadJobs(): Job[] {
  const jobs: Job[] = [];
  for (const file of templateFiles()) {
    const parsed = parseTemplate(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} does not parse: ${parsed.errors[0]?.message}`);
    const compiled = compileTemplate(parsed.template);
    for (const scenario of parsed.template.tests.scenarios) {
      jobs.push({ compiled, scenario, setup: parsed.template.tests.setup, file });
    }
  }
  return jobs;
}

async function main(): Promise<void> {
  const jobs = loadJobs();
  if (jobs.length === 0) throw new Error('no template scenarios found to measure');
  const options = createDefaultTestOptions();

  let passed = 0;
  const start = performance.now();
  for (let index = 0; index < target; index++) {
    const job = jobs[index % jobs.length]!;
    const result = await runScenario(job.compiled, job.scenario, job.setup, options);
    if (result.passed) passed++;
  }
  const seconds = (performance.now() - start) / 1000;

  const files = new Set(jobs.map((job) => job.file)).size;
  console.log(
    `template scenarios: ${jobs.length} scenarios from ${files} example templates, repeated to ${target}`,
  );
  console.log(
    `  ${target} scenarios in ${seconds.toFixed(2)} s: ${Math.round(target / seconds).toLocaleString('en-US')} scenarios/s (${passed} passed)`,
  );
  console.log(`target: ${target} scenarios in under 10 s ${seconds < 10 ? 'met' : 'NOT met'}`);
}

await main();
