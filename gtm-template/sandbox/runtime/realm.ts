import type { Program } from 'acorn';
import type {
  ApiDefinition,
  ApiEnvironment,
  ContainerContext,
  NetworkPort,
  PermissionChecker,
  ServerWorld,
  TemplateKind,
  WebWorld,
} from '../contract.js';
import { Boundary } from '../interpreter/boundary.js';
import type { CodeSource } from '../interpreter/code-source.js';
import {
  asSandboxError,
  createGlobalScope,
  executeProgram,
} from '../interpreter/execute-program.js';
import { Machine, type InterpreterLimits } from '../interpreter/machine.js';
import { SandboxError } from '../interpreter/sandbox-error.js';
import { NativeFunction, type SandboxValue } from '../interpreter/sandbox-values.js';
import type { Scope } from '../interpreter/scope.js';
import { ApiResolver } from './api-resolver.js';
import { formatHostValues } from './format-host-values.js';
import { defaultSchedulerLimits, Scheduler, type SchedulerLimits } from './scheduler.js';

/** One line a template logged through `logToConsole` (or an API logged for it). */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** Everything a realm needs from its caller. */
export interface RealmOptions {
  context: ContainerContext;
  /** The kind of template the realm runs; some APIs behave by it (claimRequest in a CLIENT). */
  templateKind?: TemplateKind;
  apis: readonly ApiDefinition[];
  permissions: PermissionChecker;
  network: NetworkPort;
  web?: WebWorld;
  server?: ServerWorld;
  /** Milliseconds since the epoch; tests pass a fixed clock. Defaults to the real time. */
  now?: () => number;
  /** A number in [0, 1); tests pass a seeded one. Defaults to Math.random. */
  random?: () => number;
  limits?: Partial<InterpreterLimits & SchedulerLimits>;
  /** Also receives every log line as it is written (live mode shows them as they come). */
  onLog?: (entry: LogEntry) => void;
}

/**
 * One isolated world for sandboxed code: its interpreter state, boundary, task queue, API
 * instances, mocks, recorded calls, logs and the errors raised along the way. The test runner
 * makes a fresh realm per scenario; `runTemplate` one per run.
 */
export class Realm {
  readonly machine: Machine;
  readonly boundary: Boundary;
  readonly scheduler: Scheduler;
  readonly environment: ApiEnvironment;
  readonly resolver: ApiResolver;
  readonly errors: SandboxError[] = [];
  readonly logs: LogEntry[] = [];
  private templateGlobals: Scope | undefined;

  constructor(readonly options: RealmOptions) {
    this.machine = new Machine(options.limits);
    this.boundary = new Boundary(this.machine, {
      reportError: (error) => this.errors.push(error),
      trackPromise: (promise) => void this.scheduler.track(promise),
    });
    this.scheduler = new Scheduler((error) => this.report(error), {
      ...defaultSchedulerLimits,
      ...options.limits,
    });
    this.environment = this.createEnvironment(options.permissions);
    this.resolver = new ApiResolver(
      options.apis,
      options.context,
      this.environment,
      this.boundary,
      this.machine,
    );
  }

  /** An API environment over this realm's world, clock and queue, with its own permissions. */
  createEnvironment(permissions: PermissionChecker): ApiEnvironment {
    const options = this.options;
    return {
      context: options.context,
      permissions,
      now: options.now ?? (() => Date.now()),
      random: options.random ?? (() => Math.random()),
      schedule: (task) => this.scheduler.schedule(task),
      track: (promise) => this.scheduler.track(promise),
      network: options.network,
      ...(options.templateKind ? { templateKind: options.templateKind } : {}),
      log: (level, values) => this.log(level, formatHostValues(values)),
      ...(options.web ? { web: options.web } : {}),
      ...(options.server ? { server: options.server } : {}),
    };
  }

  log(level: LogEntry['level'], message: string): void {
    const entry = { level, message };
    this.logs.push(entry);
    this.options.onLog?.(entry);
  }

  /** Records an error once, whichever path (callback, task, run) brought it here. */
  report(error: unknown): void {
    const sandboxError = asSandboxError(this.machine, error);
    if (sandboxError.reported) return;
    sandboxError.reported = true;
    this.errors.push(sandboxError);
  }

  /**
   * Runs the template's code with `data` (already a sandbox value) and returns what it
   * returns. Errors are thrown as SandboxErrors for the caller to record or pass on.
   */
  runTemplateCode(program: Program, source: CodeSource, data: SandboxValue): SandboxValue {
    this.templateGlobals ??= createGlobalScope({
      require: new NativeFunction('require', ([name]) => this.resolver.require(name)),
    });
    return executeProgram(this.machine, program, source, this.templateGlobals, [['data', data]]);
  }

  /** A gtmOnSuccess/gtmOnFailure for `data`: records the call as a pseudo-API and notifies. */
  completionCallback(name: 'gtmOnSuccess' | 'gtmOnFailure', onCall: () => void): NativeFunction {
    return new NativeFunction(name, (args) => {
      this.resolver.record(name, args);
      onCall();
      return undefined;
    });
  }
}
