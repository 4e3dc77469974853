import type { ApiDefinition } from '../contract.js';
import { copyHostValue } from './copy-host-value.js';
import { serverWorldOf, webWorldOf } from './world-of.js';

/**
 * `getContainerVersion()` → `{containerId, debugMode, environmentName, environmentMode,
 * previewMode, version}` (a copy of the world's), needing read_container_data.
 */
export const getContainerVersionApi: ApiDefinition = {
  name: 'getContainerVersion',
  contexts: ['web', 'server'],
  create: (environment) => () => {
    environment.permissions.assert('getContainerVersion', 'read_container_data');
    const world =
      environment.context === 'server' ? serverWorldOf(environment) : webWorldOf(environment);
    return copyHostValue(world.containerVersion);
  },
};

/** `getClientName()` → the name of the client that claimed the request (server). */
export const getClientNameApi: ApiDefinition = {
  name: 'getClientName',
  contexts: ['server'],
  create: (environment) => () => {
    environment.permissions.assert('getClientName', 'read_container_data');
    return serverWorldOf(environment).clientName;
  },
};
