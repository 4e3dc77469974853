import { SandboxReference, type ApiDefinition } from '../contract.js';
import { copyHostValue } from './copy-host-value.js';
import { gtmString } from './gtm-conversions.js';
import { serverWorldOf, webWorldOf } from './world-of.js';

/**
 * `localStorage.getItem(key)` → string or null; `setItem(key, value)` → true (the value is
 * stored as text); `removeItem(key)`. Each key needs read or write in access_local_storage.
 */
export const localStorageApi: ApiDefinition = {
  name: 'localStorage',
  contexts: ['web'],
  create: (environment) => {
    const storage = () => webWorldOf(environment).localStorage;
    return {
      getItem: (key) => {
        environment.permissions.assert('localStorage', 'access_local_storage', 'read', key);
        return typeof key === 'string' ? (storage().get(key) ?? null) : null;
      },
      setItem: (key, value) => {
        environment.permissions.assert('localStorage', 'access_local_storage', 'write', key);
        if (typeof key !== 'string') return false;
        storage().set(key, gtmString(value));
        return true;
      },
      removeItem: (key) => {
        environment.permissions.assert('localStorage', 'access_local_storage', 'write', key);
        if (typeof key === 'string') storage().delete(key);
      },
    };
  },
};

/**
 * `templateStorage` (web): getItem (null when absent), setItem, removeItem, clear; lives as
 * long as the page, shared by every run of the template on it. GTM keeps references
 * (reference §2.5): getItem hands back the very object setItem was given.
 */
export const templateStorageApi: ApiDefinition = {
  name: 'templateStorage',
  contexts: ['web'],
  create: (environment) => {
    const storage = () => {
      environment.permissions.assert('templateStorage', 'access_template_storage');
      return webWorldOf(environment).templateStorage;
    };
    return {
      getItem: (key) => {
        const items = storage();
        return items.has(gtmString(key)) ? new SandboxReference(items.get(gtmString(key))) : null;
      },
      setItem: (key, value) => void storage().set(gtmString(key), value),
      removeItem: (key) => void storage().delete(gtmString(key)),
      clear: () => storage().clear(),
    };
  },
};

/**
 * `templateDataStorage` (server): getItemCopy (a copy, null when absent), setItemCopy (stores
 * a copy; null or undefined removes), removeItem, clear.
 */
export const templateDataStorageApi: ApiDefinition = {
  name: 'templateDataStorage',
  contexts: ['server'],
  create: (environment) => {
    const storage = () => {
      environment.permissions.assert('templateDataStorage', 'access_template_storage');
      return serverWorldOf(environment).templateDataStorage;
    };
    return {
      getItemCopy: (key) => {
        const items = storage();
        return items.has(gtmString(key)) ? copyHostValue(items.get(gtmString(key))) : null;
      },
      setItemCopy: (key, value) => {
        if (value === null || value === undefined) storage().delete(gtmString(key));
        else storage().set(gtmString(key), copyHostValue(value));
      },
      removeItem: (key) => void storage().delete(gtmString(key)),
      clear: () => storage().clear(),
    };
  },
};
