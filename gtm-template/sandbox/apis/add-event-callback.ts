import type { ApiDefinition } from '../contract.js';
import { callBackLater } from './send-through-network.js';
import { serverWorldOf, webWorldOf } from './world-of.js';

/**
 * `addEventCallback(callback(containerId, eventData))`: GTM calls it once every tag of the
 * event has finished, with `eventData.tags` describing them. Outside a container run the
 * template's own event is the only work, so the callback follows the current code with an
 * empty tag list.
 */
export const addEventCallbackApi: ApiDefinition = {
  name: 'addEventCallback',
  contexts: ['web', 'server'],
  create: (environment) => (callback) => {
    environment.permissions.assert('addEventCallback', 'read_event_metadata');
    const world =
      environment.context === 'server' ? serverWorldOf(environment) : webWorldOf(environment);
    const containerId = world.containerVersion.containerId;
    callBackLater(environment, callback, typeof containerId === 'string' ? containerId : '', {
      tags: [],
    });
  },
};
