import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PermissionDeniedError,
  type ContainerContext,
  type PermissionEntry,
} from '../../gtm-template/sandbox/contract.js';
import { apiCatalogue } from '../../gtm-template/sandbox/apis/api-catalogue.js';
import { TemplateApiError } from '../../gtm-template/sandbox/apis/template-api-error.js';
import { permission } from '../template-permissions/permission-entry.js';
import { createApiTestEnvironment } from './api-test-environment.js';

const KEYS = [
  'dataLayer',
  'gtag',
  'a',
  'a.b',
  'a.b.c',
  '__proto__',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'prototype',
  'ad_storage',
  'x',
];
const URLS = [
  'https://cdn.fuzz.test/x.js',
  'https://fuzz.test/',
  'http://fuzz.test/',
  '/relative',
  'javascript:alert(1)',
  '',
];

const flags = (key: string) => ({ key, read: true, write: true, execute: true });

// Everything allowed that can be, so random arguments reach past the checks into the APIs.
const permissive: PermissionEntry[] = [
  permission('access_globals', { keys: KEYS.map(flags) }),
  permission('access_local_storage', {
    keys: KEYS.map((key) => ({ key, read: true, write: true })),
  }),
  permission('access_consent', {
    consentTypes: KEYS.map((consentType) => ({ consentType, read: true, write: true })),
  }),
  permission('get_cookies', { cookieAccess: 'any' }),
  permission('set_cookies', {
    allowedCookies: [{ name: '*', domain: '*', path: '*', secure: 'any', session: 'any' }],
  }),
  permission('get_url', { urlParts: 'any', queriesAllowed: 'any' }),
  permission('get_referrer', { urlParts: 'any', queriesAllowed: 'any' }),
  permission('inject_script', { urls: ['https://*.fuzz.test/'] }),
  permission('inject_hidden_iframe', { urls: ['https://*.fuzz.test/'] }),
  permission('send_pixel', { allowedUrls: 'any' }),
  permission('send_http', { allowedUrls: 'any', allowGoogleDomains: true }),
  permission('send_pixel_from_browser', { allowedUrls: 'any' }),
  permission('logging', { environments: 'all' }),
  permission('read_data_layer', { allowedKeys: 'any' }),
  permission('write_data_layer', { allowedKeys: 'any' }),
  permission('read_event_data', { eventDataAccess: 'any' }),
  permission('read_request', { requestAccess: 'any' }),
  permission('access_response', { writeResponseAccess: 'any' }),
  permission('access_bigquery', {
    allowedTables: [{ projectId: '*', datasetId: '*', tableId: '*', operation: 'write' }],
  }),
  permission('access_firestore', {
    allowedOptions: [{ projectId: '*', path: '*', operation: 'read_write' }],
  }),
  permission('use_google_credentials', { allowedScopes: ['scope'] }),
  permission('use_message', { allowedActions: 'any' }),
  permission('use_custom_private_keys', { keyIds: KEYS }),
  ...[
    'access_template_storage',
    'read_container_data',
    'read_event_metadata',
    'read_title',
    'read_character_set',
    'return_response',
    'run_container',
  ].map((id) => permission(id)),
];

// Errors GTM raises from the state of the request, not from arguments (see template-api-error.ts).
const STATE_ERRORS = new Set(['extractEventsFromMpv1', 'extractEventsFromMpv2']);

const leaf = fc.oneof(
  fc.constantFrom(...KEYS, ...URLS),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.func(leaf),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(...KEYS, 'then', 'method', 'headers', 'timeout', 'domain', 'max-age'),
        fc.string(),
      ),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 3, noNullPrototype: false }),
  ),
})).value;

function members(api: unknown): Array<(...args: unknown[]) => unknown> {
  if (typeof api === 'function') return [api as (...args: unknown[]) => unknown];
  return Object.values(api as Record<string, (...args: unknown[]) => unknown>);
}

function isAllowedError(error: unknown, name: string): boolean {
  return (
    error instanceof PermissionDeniedError ||
    (error instanceof TemplateApiError && STATE_ERRORS.has(name))
  );
}

function pollutionSnapshot(): string {
  return JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype),
    Object.getOwnPropertyNames(Array.prototype),
  ]);
}

describe.each<ContainerContext>(['web', 'server'])(
  'random arguments to every %s API',
  (context) => {
    const names = apiCatalogue
      .filter((entry) => entry.contexts.includes(context) && entry.name !== 'require')
      .map((entry) => entry.name);

    it('throw nothing but a permission denial and leave the prototypes alone', async () => {
      const before = pollutionSnapshot();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          fc.nat(),
          fc.array(value, { maxLength: 4 }),
          fc.boolean(),
          async (name, memberIndex, args, isPermissive) => {
            const harness = createApiTestEnvironment({
              context,
              permissions: isPermissive ? permissive : [],
              web: { window: { a: { b: { c: 1 } }, dataLayer: [], gtag: () => 'called' } },
            });
            const api = members(harness.api(name));
            const call = api[memberIndex % api.length];
            let result: unknown;
            try {
              result = call?.(...args);
              if (typeof result === 'function')
                result = (result as (...values: unknown[]) => unknown)(...args);
              else if (
                result !== null &&
                typeof result === 'object' &&
                typeof (result as { then?: unknown }).then === 'function'
              ) {
                (result as { then: (...values: unknown[]) => unknown }).then(
                  () => undefined,
                  () => undefined,
                );
              }
            } catch (error) {
              if (!isAllowedError(error, name)) throw error;
            }
            await harness.drain();
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        { numRuns: 1500 },
      );
      expect(pollutionSnapshot()).toBe(before);
    });
  },
);
