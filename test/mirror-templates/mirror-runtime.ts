import { readFileSync } from 'node:fs';
import { apiDefinitions } from '../../gtm-template/sandbox/apis/api-registry.js';
import {
  createServerWorld,
  createWebWorld,
  type ServerWorldOverrides,
} from '../../gtm-template/sandbox/apis/default-worlds.js';
import { createRecordingNetwork } from '../../gtm-template/sandbox/apis/recording-network.js';
import type {
  NetworkPort,
  ParsedTemplate,
  ServerWorld,
  WebWorld,
} from '../../gtm-template/sandbox/contract.js';
import { parseTemplate } from '../../gtm-template/sandbox/format/parse-template.js';
import { createPermissionChecker } from '../../gtm-template/sandbox/permissions/create-permission-checker.js';
import { createSeededRandom } from '../../gtm-template/sandbox/runtime/deterministic-world.js';
import { runTemplate, type TemplateRun } from '../../gtm-template/sandbox/runtime/run-template.js';

/** The fixed clock of these tests: 2025-12-26 13:24:21 UTC, just after the A28 session began. */
export const MIRROR_TEST_TIME = 1_766_755_461_000;

const templates = new Map<string, ParsedTemplate>();

/** A mirror template as committed (`template.tpl`), parsed once per test file. */
export function loadMirrorTemplate(name: 'web-mirror' | 'server-mirror'): ParsedTemplate {
  const cached = templates.get(name);
  if (cached !== undefined) return cached;
  const parsed = parseTemplate(readFileSync(`gtm-template/${name}/template.tpl`, 'utf8'));
  if (!parsed.ok) throw new Error(`gtm-template/${name}/template.tpl does not parse`);
  templates.set(name, parsed.template);
  return parsed.template;
}

export interface MirrorRunOptions {
  network?: NetworkPort;
  now?: number;
  /** Replaces the template's own permission entries (a loopback collector needs http). */
  template?: ParsedTemplate;
}

export interface WebMirrorRun {
  run: TemplateRun;
  urls: string[];
  world: WebWorld;
}

/**
 * Fires the web mirror once as GTM would, with every real API, the template's own
 * permissions and a recording network (or the one given), and waits for its callbacks.
 */
export async function runWebMirror(
  data: Record<string, unknown>,
  page: Partial<WebWorld> = {},
  options: MirrorRunOptions = {},
): Promise<WebMirrorRun> {
  const template = options.template ?? loadMirrorTemplate('web-mirror');
  const recorder = createRecordingNetwork();
  const network = options.network ?? recorder;
  const world = createWebWorld(page);
  const run = await runTemplate(template, {
    apis: apiDefinitions,
    permissions: createPermissionChecker(template.permissions, 'web'),
    network,
    web: world,
    now: () => options.now ?? MIRROR_TEST_TIME,
    random: createSeededRandom(7),
    data,
  });
  const urls = recorder.requests.map((request) => request.url);
  return { run, urls, world };
}

export interface ServerMirrorRun {
  run: TemplateRun;
  world: ServerWorld;
  requests: ReturnType<typeof createRecordingNetwork>['requests'];
}

/** Runs the server mirror once on the given event data, as a GA4 client's event would. */
export async function runServerMirror(
  data: Record<string, unknown>,
  eventData: Record<string, unknown>,
  world: ServerWorldOverrides = {},
  options: MirrorRunOptions = {},
): Promise<ServerMirrorRun> {
  const template = options.template ?? loadMirrorTemplate('server-mirror');
  const recorder = createRecordingNetwork({
    statusCode: 200,
    body: '{"stored":1,"rejected":[]}',
  });
  const server = createServerWorld({ ...world, eventData });
  const run = await runTemplate(template, {
    apis: apiDefinitions,
    permissions: createPermissionChecker(template.permissions, 'server'),
    network: options.network ?? recorder,
    server,
    now: () => options.now ?? MIRROR_TEST_TIME,
    random: createSeededRandom(11),
    data,
  });
  return { run, world: server, requests: recorder.requests };
}

/** How many times the run called gtmOnSuccess and gtmOnFailure. */
export function completionsOf(run: TemplateRun): { success: number; failure: number } {
  return {
    success: run.calls.filter((call) => call.api === 'gtmOnSuccess').length,
    failure: run.calls.filter((call) => call.api === 'gtmOnFailure').length,
  };
}
