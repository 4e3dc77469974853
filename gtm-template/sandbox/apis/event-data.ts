import type { ApiDefinition } from '../contract.js';
import { copyHostValue } from './copy-host-value.js';
import { readPath } from './dotted-path.js';
import { serverWorldOf } from './world-of.js';

/** `getAllEventData()` → a copy of the whole event (read_event_data with any key). */
export const getAllEventDataApi: ApiDefinition = {
  name: 'getAllEventData',
  contexts: ['server'],
  create: (environment) => () => {
    environment.permissions.assert('getAllEventData', 'read_event_data');
    return copyHostValue(serverWorldOf(environment).eventData);
  },
};

/** `getEventData(keyPath)` → a copy of the value at a dotted path (`items.0.price`), or undefined. */
export const getEventDataApi: ApiDefinition = {
  name: 'getEventData',
  contexts: ['server'],
  create: (environment) => (keyPath) => {
    environment.permissions.assert('getEventData', 'read_event_data', keyPath);
    if (typeof keyPath !== 'string') return undefined;
    return copyHostValue(readPath(serverWorldOf(environment).eventData, keyPath).value);
  },
};
