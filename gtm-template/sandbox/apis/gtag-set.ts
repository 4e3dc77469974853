import { mergeIntoModel } from '../../../shared/datalayer/merge-into-model.js';
import { setEntry } from '../../../shared/text/set-entry.js';
import type { ApiDefinition } from '../contract.js';
import { copyHostValue, isPlainObject } from './copy-host-value.js';
import { webWorldOf } from './world-of.js';

/**
 * `gtagSet(settings)` (or `gtagSet(key, value)`): a gtag `set` command. Every top-level key
 * needs write_data_layer. The settings merge into GTM's data model (as GTM processes `set`) and
 * the command goes onto `window.dataLayer` as gtag pushes it, an arguments object.
 */
export const gtagSetApi: ApiDefinition = {
  name: 'gtagSet',
  contexts: ['web'],
  create: (environment) => (first, second) => {
    const settings: Record<string, unknown> = {};
    if (typeof first === 'string') setEntry(settings, first, second);
    else if (isPlainObject(first))
      Object.keys(first).forEach((key) => setEntry(settings, key, first[key]));
    for (const key of Object.keys(settings))
      environment.permissions.assert('gtagSet', 'write_data_layer', key);
    if (Object.keys(settings).length === 0) return;

    const world = webWorldOf(environment);
    mergeIntoModel(world.dataLayerModel, copyHostValue(settings) as Record<string, unknown>);
    const dataLayer = Object.hasOwn(world.window, 'dataLayer') ? world.window.dataLayer : undefined;
    const queue = Array.isArray(dataLayer) ? dataLayer : [];
    if (dataLayer === undefined) world.window.dataLayer = queue;
    const command = (function collect(..._values: unknown[]): IArguments {
      // eslint-disable-next-line prefer-rest-params -- gtag pushes its arguments object
      return arguments;
    })('set', copyHostValue(settings));
    queue.push(command);
  },
};
