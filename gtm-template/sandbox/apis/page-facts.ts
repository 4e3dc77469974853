import type { ApiDefinition } from '../contract.js';
import { webWorldOf } from './world-of.js';

/** `readTitle()` → the page's title (read_title). */
export const readTitleApi: ApiDefinition = {
  name: 'readTitle',
  contexts: ['web'],
  create: (environment) => () => {
    environment.permissions.assert('readTitle', 'read_title');
    return webWorldOf(environment).title;
  },
};

/** `readCharacterSet()` → the page's character set, e.g. 'UTF-8' (read_character_set). */
export const readCharacterSetApi: ApiDefinition = {
  name: 'readCharacterSet',
  contexts: ['web'],
  create: (environment) => () => {
    environment.permissions.assert('readCharacterSet', 'read_character_set');
    return webWorldOf(environment).characterSet;
  },
};
