import type {
  ApiEnvironment,
  ContainerContext,
  PermissionEntry,
  ServerWorld,
  WebWorld,
} from '../../gtm-template/sandbox/contract.js';
import { apiDefinition } from '../../gtm-template/sandbox/apis/api-registry.js';
import {
  createServerWorld,
  createWebWorld,
  type ServerWorldOverrides,
} from '../../gtm-template/sandbox/apis/default-worlds.js';
import {
  createRecordingNetwork,
  type RecordingNetwork,
} from '../../gtm-template/sandbox/apis/recording-network.js';
import { createPermissionChecker } from '../../gtm-template/sandbox/permissions/create-permission-checker.js';

/** An environment for API tests, with a task queue the test drains, like the runner would. */
export interface ApiTestEnvironment {
  environment: ApiEnvironment;
  network: RecordingNetwork;
  logs: Array<{ level: string; values: unknown[] }>;
  web: WebWorld;
  server: ServerWorld;
  /** Moves the clock. */
  advance(milliseconds: number): void;
  /** Runs scheduled tasks and waits for tracked work until nothing is left. */
  drain(): Promise<void>;
  /** `require(name)` with this environment. */
  api<T = (...args: unknown[]) => unknown>(name: string): T;
}

export interface ApiTestOptions {
  context?: ContainerContext;
  permissions?: PermissionEntry[];
  web?: Partial<WebWorld>;
  server?: ServerWorldOverrides;
  isDebug?: boolean;
  randomValues?: number[];
}

export function createApiTestEnvironment(options: ApiTestOptions = {}): ApiTestEnvironment {
  const context = options.context ?? 'web';
  const tasks: Array<() => void> = [];
  const tracked: Array<Promise<unknown>> = [];
  const logs: Array<{ level: string; values: unknown[] }> = [];
  const network = createRecordingNetwork();
  const randomValues = [...(options.randomValues ?? [])];
  let now = Date.UTC(2026, 0, 15, 12, 0, 0);
  const web = createWebWorld(options.web);
  const server = createServerWorld(options.server);
  const environment: ApiEnvironment = {
    context,
    permissions: createPermissionChecker(options.permissions ?? [], context, {
      isDebug: options.isDebug ?? true,
    }),
    now: () => now,
    random: () => randomValues.shift() ?? 0.5,
    schedule: (task) => void tasks.push(task),
    track: (promise) => {
      tracked.push(promise);
      return promise;
    },
    network,
    log: (level, values) => void logs.push({ level, values }),
    web,
    server,
  };
  return {
    environment,
    network,
    logs,
    web,
    server,
    advance: (milliseconds) => {
      now += milliseconds;
    },
    async drain() {
      for (;;) {
        while (tasks.length > 0) tasks.shift()?.();
        if (tracked.length === 0) return;
        await Promise.allSettled(tracked.splice(0));
      }
    },
    api<T>(name: string): T {
      const definition = apiDefinition(name, context);
      if (definition === undefined) throw new Error(`No ${name} API in a ${context} container.`);
      return definition.create(environment) as T;
    },
  };
}
