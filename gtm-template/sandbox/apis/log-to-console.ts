import type { ApiDefinition } from '../contract.js';
import { copyHostValue } from './copy-host-value.js';

/**
 * `logToConsole(...values)`: needs the logging permission. Declared for `debug` only, it logs
 * in preview and debug runs and stays silent (without failing) in live ones.
 */
export const logToConsoleApi: ApiDefinition = {
  name: 'logToConsole',
  contexts: ['web', 'server'],
  create:
    (environment) =>
    (...values) => {
      environment.permissions.assert('logToConsole', 'logging', 'debug');
      if (!environment.permissions.query('logging')) return;
      environment.log('info', values.map(copyHostValue));
    },
};
