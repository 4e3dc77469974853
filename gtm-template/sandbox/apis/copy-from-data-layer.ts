import type { ApiDefinition } from '../contract.js';
import { copyHostValue } from './copy-host-value.js';
import { readPath } from './dotted-path.js';
import { webWorldOf } from './world-of.js';

/**
 * `copyFromDataLayer(key, dataLayerVersion = 2)` → a copy of the value GTM's data model holds.
 * Version 2 reads dotted keys as paths (`ecommerce.items.0.price`); version 1 reads the key
 * literally, dots included, as GTM's version 1 model has no nesting.
 */
export const copyFromDataLayerApi: ApiDefinition = {
  name: 'copyFromDataLayer',
  contexts: ['web'],
  create: (environment) => (key, version) => {
    environment.permissions.assert('copyFromDataLayer', 'read_data_layer', key);
    if (typeof key !== 'string') return undefined;
    const model = webWorldOf(environment).dataLayerModel;
    if (version === 1) return Object.hasOwn(model, key) ? copyHostValue(model[key]) : undefined;
    return copyHostValue(readPath(model, key).value);
  },
};
