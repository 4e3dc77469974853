import { apiDefinitions } from '../apis/api-registry.js';
import { createServerWorld, createWebWorld } from '../apis/default-worlds.js';
import { createRecordingNetwork } from '../apis/recording-network.js';
import { createPermissionChecker } from '../permissions/create-permission-checker.js';
import type { TemplateTestOptions } from './run-template-tests.js';

/**
 * The real toolchain behind `tagwarden template test`: every API of the registry, GTM's
 * permission rules in preview mode (as the Tests tab runs), a fresh default page or request
 * per scenario, and a network recorder that answers 200 without leaving the machine.
 */
export function createDefaultTestOptions(
  overrides: Partial<TemplateTestOptions> = {},
): TemplateTestOptions {
  return {
    apis: apiDefinitions,
    createPermissions: (entries, context) => createPermissionChecker(entries, context),
    createWorld: (context) =>
      context === 'web' ? { web: createWebWorld() } : { server: createServerWorld() },
    createNetwork: () => createRecordingNetwork(),
    ...overrides,
  };
}
