import { describe, expect, it } from 'vitest';
import {
  PermissionDeniedError,
  type ContainerContext,
} from '../../gtm-template/sandbox/contract.js';
import { apiCatalogue, catalogueNames } from '../../gtm-template/sandbox/apis/api-catalogue.js';
import { apiDefinition, apiDefinitions } from '../../gtm-template/sandbox/apis/api-registry.js';
import { createApiTestEnvironment } from './api-test-environment.js';

const contexts: ContainerContext[] = ['web', 'server'];

describe('the API registry', () => {
  it.each(contexts)('defines every catalogue name of a %s container but require', (context) => {
    const defined = catalogueNames(context).filter(
      (name) => apiDefinition(name, context) !== undefined,
    );
    expect(defined).toEqual(catalogueNames(context).filter((name) => name !== 'require'));
  });

  it('defines nothing the catalogue does not list for that context', () => {
    for (const definition of apiDefinitions) {
      const entry = apiCatalogue.find((item) => item.name === definition.name);
      expect(entry, definition.name).toBeDefined();
      for (const context of definition.contexts)
        expect(entry?.contexts, definition.name).toContain(context);
    }
  });

  it('gives the context-specific cookie APIs their own definitions', () => {
    expect(apiDefinition('getCookieValues', 'web')).not.toBe(
      apiDefinition('getCookieValues', 'server'),
    );
    expect(apiDefinition('setCookie', 'web')).not.toBe(apiDefinition('setCookie', 'server'));
    expect(apiDefinition('injectScript', 'server')).toBeUndefined();
  });

  it('exposes the members the catalogue lists for object APIs', () => {
    for (const context of contexts) {
      const harness = createApiTestEnvironment({ context });
      for (const entry of apiCatalogue.filter(
        (item) => item.members !== undefined && item.contexts.includes(context),
      )) {
        expect(Object.keys(harness.api<object>(entry.name)).sort(), entry.name).toEqual(
          [...(entry.members ?? [])].sort(),
        );
      }
    }
  });

  // Each API with a permission in the catalogue refuses to act for a template that declares none.
  const guarded = contexts.flatMap((context) =>
    apiCatalogue
      .filter((entry) => entry.contexts.includes(context) && entry.permissions.length > 0)
      .map((entry) => [entry.name, context, entry.permissions[0]] as const),
  );
  // Arguments that reach the permission check; the rest get a key, a URL and an options object.
  const argumentsFor: Record<string, unknown[]> = {
    setDefaultConsentState: [{ ad_storage: 'denied' }],
    updateConsentState: [{ ad_storage: 'granted' }],
    sendEventToGoogleAnalytics: [{ event_name: 'x' }],
    getGoogleScript: ['GTAG'],
  };
  // runTransaction checks nothing itself: the reads and writes inside it are checked.
  const unchecked = new Set(['runTransaction']);

  it.each(guarded)('%s in a %s container needs %s', (name, context, permissionId) => {
    const harness = createApiTestEnvironment({ context });
    const api = harness.api<unknown>(name);
    const calls =
      typeof api === 'function'
        ? [api]
        : Object.entries(api as Record<string, (...args: unknown[]) => unknown>)
            .filter(([member]) => !unchecked.has(member))
            .map(([, call]) => call);
    for (const call of calls) {
      let thrown: unknown;
      try {
        call(...(argumentsFor[name] ?? ['key', 'https://x.test/', {}]));
      } catch (error) {
        thrown = error;
      }
      expect(thrown, name).toBeInstanceOf(PermissionDeniedError);
      expect((thrown as PermissionDeniedError).permission).toBe(permissionId);
    }
  });
});
