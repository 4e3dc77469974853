import type {
  ApiDefinition,
  ContainerContext,
  NetworkPort,
  ParsedTemplate,
  PermissionChecker,
  PermissionEntry,
  ServerWorld,
  TestScenario,
  WebWorld,
} from '../contract.js';
import type { CodeSource } from '../interpreter/code-source.js';
import { createGlobalScope, executeProgram } from '../interpreter/execute-program.js';
import type { InterpreterLimits } from '../interpreter/machine.js';
import { parseSandboxedCode } from '../interpreter/parse-sandboxed-code.js';
import { SandboxError } from '../interpreter/sandbox-error.js';
import type { SyntaxPolicy } from '../interpreter/syntax-rules.js';
import {
  createSeededRandom,
  createTestClock,
  defaultTestTime,
} from '../runtime/deterministic-world.js';
import { Realm } from '../runtime/realm.js';
import { createRecordingNetwork } from '../apis/recording-network.js';
import type { SchedulerLimits } from '../runtime/scheduler.js';
import { createTestGlobals, type CompiledTemplate } from './test-globals.js';
import type { ScenarioFailure, ScenarioResult, TemplateTestReport } from './test-report.js';

export interface TemplateTestOptions {
  /** The API registry; `require` finds the names whose contexts include the template's. */
  apis: readonly ApiDefinition[];
  /** Builds the permission checker from the template's permission entries. */
  createPermissions: (entries: PermissionEntry[], context: ContainerContext) => PermissionChecker;
  /** A fresh page or request per scenario. */
  createWorld?: (context: ContainerContext) => { web?: WebWorld; server?: ServerWorld };
  /** Defaults to a port that records requests and answers 200, never touching the network. */
  createNetwork?: () => NetworkPort;
  /** The fixed clock's start, in milliseconds since the epoch. */
  startTime?: number;
  seed?: number;
  limits?: Partial<InterpreterLimits & SchedulerLimits>;
  syntax?: SyntaxPolicy;
}

// A scenario is a test, not a live run: a drain waits at most this long for host promises.
const testDrainTimeoutMs = 5_000;

/**
 * Runs a template's `___TESTS___` as GTM does (reference §4.1): each scenario in a fresh realm
 * (mocks reset, a fresh world), `setup` and the scenario's `code` as one function body, async
 * work drained before the verdict, failures from callbacks reported with their line.
 */
export async function runTemplateTests(
  template: ParsedTemplate,
  options: TemplateTestOptions,
): Promise<TemplateTestReport> {
  const compiled = compileTemplate(template, options.syntax);
  const scenarios: ScenarioResult[] = [];
  for (const scenario of template.tests.scenarios) {
    scenarios.push(await runScenario(compiled, scenario, template.tests.setup, options));
  }
  const passed = scenarios.filter((scenario) => scenario.passed).length;
  return { scenarios, passed, failed: scenarios.length - passed };
}

/** Parses the template's code once for all its scenarios. */
export function compileTemplate(template: ParsedTemplate, syntax?: SyntaxPolicy): CompiledTemplate {
  const source: CodeSource = { name: 'template', text: template.code };
  const parsed = parseSandboxedCode(template.code, syntax);
  if (parsed.ok) return { ok: true, template, program: parsed.program, source };
  const problem = parsed.problems[0]!;
  const error = new SandboxError(
    'syntax',
    `the template's code does not parse: ${problem.message}`,
    {
      source: 'template',
      line: problem.line,
      column: problem.column,
    },
  );
  return { ok: false, template, error };
}

/** Runs one scenario in its own realm. */
export async function runScenario(
  compiled: CompiledTemplate,
  scenario: TestScenario,
  setup: string,
  options: TemplateTestOptions,
): Promise<ScenarioResult> {
  const template = compiled.template;
  const setupLines = setup.trim() === '' ? 0 : setup.split('\n').length;
  const text = setupLines === 0 ? scenario.code : `${setup}\n${scenario.code}`;
  const mapFailure = (error: SandboxError) => toFailure(error, setupLines);

  const parsed = parseSandboxedCode(text, options.syntax);
  if (!parsed.ok) {
    const failures = parsed.problems.map((problem) =>
      mapFailure(
        new SandboxError('syntax', problem.message, {
          source: 'test',
          line: problem.line,
          column: problem.column,
        }),
      ),
    );
    return { name: scenario.name, passed: false, failures, logs: [] };
  }

  const realm = createScenarioRealm(template, options);
  const globals = createGlobalScope(createTestGlobals(realm, compiled));
  let hasFailedNow = false;
  try {
    executeProgram(realm.machine, parsed.program, { name: 'test', text }, globals, []);
  } catch (error) {
    realm.report(error);
    hasFailedNow = true;
  }
  if (!hasFailedNow) await drainScenario(realm);

  const failures = realm.errors.map(mapFailure);
  return { name: scenario.name, passed: failures.length === 0, failures, logs: realm.logs };
}

function createScenarioRealm(template: ParsedTemplate, options: TemplateTestOptions): Realm {
  const world = options.createWorld?.(template.context) ?? {};
  const clock = createTestClock(options.startTime ?? defaultTestTime);
  return new Realm({
    context: template.context,
    templateKind: template.kind,
    apis: options.apis,
    permissions: options.createPermissions(template.permissions, template.context),
    network: options.createNetwork?.() ?? createRecordingNetwork(),
    ...world,
    now: clock.now,
    random: createSeededRandom(options.seed ?? 1),
    limits: { drainTimeoutMs: testDrainTimeoutMs, ...options.limits },
  });
}

async function drainScenario(realm: Realm): Promise<void> {
  const outcome = await realm.scheduler.drain();
  if (outcome === 'too-many-tasks') {
    realm.report(
      new SandboxError(
        'limit',
        'the scenario kept scheduling callbacks (more than the task limit)',
      ),
    );
  } else if (outcome === 'timed-out') {
    realm.report(
      new SandboxError('limit', 'asynchronous work was still pending when the scenario timed out'),
    );
  }
}

function toFailure(error: SandboxError, setupLines: number): ScenarioFailure {
  const location = error.location;
  const failure: ScenarioFailure = { kind: error.kind, message: error.message };
  if (location === undefined) return failure;
  if (location.source === 'template')
    return { ...failure, source: 'template', line: location.line, column: location.column };
  if (location.line <= setupLines)
    return { ...failure, source: 'setup', line: location.line, column: location.column };
  return { ...failure, source: 'code', line: location.line - setupLines, column: location.column };
}
