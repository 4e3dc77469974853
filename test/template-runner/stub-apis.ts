import {
  PermissionDeniedError,
  type ApiDefinition,
  type ContainerContext,
  type ParsedTemplate,
  type PermissionChecker,
  type PermissionEntry,
} from '../../gtm-template/sandbox/contract.js';
import type { TemplateTestOptions } from '../../gtm-template/sandbox/testing/run-template-tests.js';

/**
 * A handful of small APIs written for these tests only, so the runner is pinned without the
 * real API registry: each checks its permission through the environment as real APIs do.
 */
export const stubApis: ApiDefinition[] = [
  {
    name: 'sendPixel',
    contexts: ['web'],
    create: (environment) => (url, onSuccess) => {
      environment.permissions.assert('sendPixel', 'send_pixel', url);
      if (typeof onSuccess === 'function') environment.schedule(() => onSuccess());
    },
  },
  {
    name: 'callLater',
    contexts: ['web', 'server'],
    create: (environment) => (callback) => {
      if (typeof callback === 'function') environment.schedule(() => callback());
    },
  },
  {
    name: 'logToConsole',
    contexts: ['web', 'server'],
    create:
      (environment) =>
      (...values) => {
        environment.permissions.assert('logToConsole', 'logging');
        environment.log('info', values);
      },
  },
  {
    name: 'getAllEventData',
    contexts: ['server'],
    create: (environment) => () => {
      environment.permissions.assert('getAllEventData', 'read_event_data');
      return { event_name: 'purchase', value: 10 };
    },
  },
  {
    name: 'sendHttpRequest',
    contexts: ['server'],
    create: (environment) => (url, callback) => {
      environment.permissions.assert('sendHttpRequest', 'send_http', url);
      const sent = environment.network.send({
        api: 'sendHttpRequest',
        url: String(url),
        method: 'GET',
        headers: {},
      });
      environment.track(
        sent.then((response) => {
          if (typeof callback === 'function')
            environment.schedule(() =>
              callback(response.statusCode, response.headers, response.body),
            );
        }),
      );
    },
  },
  {
    name: 'BigQuery',
    contexts: ['server'],
    create: (environment) => ({
      insert: (table, rows) => {
        environment.permissions.assert('BigQuery', 'access_bigquery', table);
        environment.server?.bigQuery.push({
          table: table as Record<string, unknown>,
          rows: rows as unknown[],
        });
        return Promise.resolve();
      },
    }),
  },
  {
    name: 'JSON',
    contexts: ['web', 'server'],
    create: () => ({
      stringify: (value) => JSON.stringify(value),
      parse: (text) => {
        try {
          return JSON.parse(String(text)) as unknown;
        } catch {
          return undefined;
        }
      },
    }),
  },
  {
    name: 'getType',
    contexts: ['web', 'server'],
    create: () => (value) =>
      value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value,
  },
];

/** Grants a permission when the template declares an entry with its id; counts every check. */
export function createStubPermissions(
  entries: PermissionEntry[],
): PermissionChecker & { checks: string[] } {
  const granted = new Set(entries.map((entry) => entry.instance.key.publicId));
  const checks: string[] = [];
  return {
    checks,
    assert(api, permission) {
      checks.push(`${api}:${permission}`);
      if (!granted.has(permission)) {
        throw new PermissionDeniedError(
          api,
          permission,
          `Prohibited from calling ${api}: the template has no '${permission}' permission.`,
        );
      }
    },
    query: (permission) => granted.has(permission),
  };
}

export function permissionEntry(publicId: string): PermissionEntry {
  return { instance: { key: { publicId, versionId: '1' }, param: [] }, isRequired: true };
}

/** Test options over the stub APIs and permissions. */
export function stubOptions(overrides: Partial<TemplateTestOptions> = {}): TemplateTestOptions {
  return {
    apis: stubApis,
    createPermissions: (entries) => createStubPermissions(entries),
    createWorld: () => ({}),
    ...overrides,
  };
}

/** A ParsedTemplate built in code, as the parser would hand it over. */
export function makeTemplate(
  parts: Partial<ParsedTemplate> & {
    code: string;
    scenarios?: Array<{ name: string; code: string }>;
    setup?: string;
  },
): ParsedTemplate {
  const context: ContainerContext = parts.context ?? 'web';
  return {
    context,
    kind: parts.kind ?? 'TAG',
    info: parts.info ?? {},
    parameters: parts.parameters ?? [],
    code: parts.code,
    permissions: parts.permissions ?? [],
    tests: parts.tests ?? { scenarios: parts.scenarios ?? [], setup: parts.setup ?? '' },
    notes: '',
  };
}

/** Runs `code` as the only scenario of a template (a web tag that returns early by default). */
export async function runScenarioCode(
  code: string,
  template: Partial<ParsedTemplate> & { setup?: string } = {},
  options: Partial<TemplateTestOptions> = {},
) {
  const { runTemplateTests } =
    await import('../../gtm-template/sandbox/testing/run-template-tests.js');
  const parsed = makeTemplate({
    code: 'return data.value;',
    kind: 'MACRO',
    ...template,
    scenarios: [{ name: 'scenario', code }],
  });
  const report = await runTemplateTests(parsed, stubOptions(options));
  return report.scenarios[0]!;
}
